package org.excamera.codec.state;

import java.util.Objects;
import org.excamera.codec.StateMismatchException;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.ReferenceUpdates;
import org.excamera.codec.picture.Picture;
import org.jspecify.annotations.Nullable;

/**
 * The three reference pictures: last, golden and altref (RFC 6386 §9.7–9.8). Before the first key
 * frame there are none ({@link #NONE}). {@link #updatedBy} is the one place of the reference update
 * rule.
 */
public final class References {
  /** No references yet. */
  public static final References NONE = new References(null, null, null);

  private final @Nullable Picture last;
  private final @Nullable Picture golden;
  private final @Nullable Picture altref;

  private References(@Nullable Picture last, @Nullable Picture golden, @Nullable Picture altref) {
    this.last = last;
    this.golden = golden;
    this.altref = altref;
  }

  /** References holding the given pictures. */
  public static References of(Picture last, Picture golden, Picture altref) {
    return new References(last, golden, altref);
  }

  /** All three references the same picture. */
  public static References allOf(Picture p) {
    return new References(p, p, p);
  }

  /** Whether the references exist (a key frame has been decoded). */
  public boolean present() {
    return last != null;
  }

  /** The last frame. */
  public Picture last() {
    return require(last, "last");
  }

  /** The golden frame. */
  public Picture golden() {
    return require(golden, "golden");
  }

  /** The alternate reference frame. */
  public Picture altref() {
    return require(altref, "altref");
  }

  /** Reference 1 (last), 2 (golden) or 3 (altref). */
  public Picture get(int ref) {
    return switch (ref) {
      case 1 -> last();
      case 2 -> golden();
      case 3 -> altref();
      default -> throw new IllegalArgumentException("not a reference frame: " + ref);
    };
  }

  private static Picture require(@Nullable Picture p, String name) {
    if (p == null) {
      throw new StateMismatchException(
          "the state has no " + name + " reference: an interframe needs a key frame first");
    }
    return p;
  }

  /**
   * The references after decoding {@code picture} with this header. A key frame refreshes all
   * three. Otherwise, as libvpx's {@code swap_frame_buffers}: first the altref copy (1 last, 2
   * golden), then the golden copy (1 last, 2 altref, the altref as just copied), then the golden,
   * altref and last refreshes with the new picture. RFC 6386 §9.7 leaves the order implicit.
   */
  public References updatedBy(FrameHeader header, Picture picture) {
    if (header.keyFrame()) {
      return allOf(picture);
    }
    ReferenceUpdates u = header.referenceUpdates();
    Picture l = last();
    Picture g = golden();
    Picture a = altref();
    if (u.copyBufferToAlternate() == 1) {
      a = l;
    } else if (u.copyBufferToAlternate() == 2) {
      a = g;
    }
    if (u.copyBufferToGolden() == 1) {
      g = l;
    } else if (u.copyBufferToGolden() == 2) {
      g = a;
    }
    if (u.refreshGoldenFrame()) {
      g = picture;
    }
    if (u.refreshAlternateFrame()) {
      a = picture;
    }
    if (u.refreshLast()) {
      l = picture;
    }
    return new References(l, g, a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof References r
        && Objects.equals(r.last, last)
        && Objects.equals(r.golden, golden)
        && Objects.equals(r.altref, altref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(last, golden, altref);
  }

  @Override
  public String toString() {
    return present() ? "References[last, golden, altref]" : "References[none]";
  }
}
