package org.excamera.codec.header;

import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * An optional signed header field: a flag, then an unsigned magnitude of a fixed width and a sign
 * bit (RFC 6386 §9.3, §9.6, §19.2). The magnitude and sign are kept as read, so a present zero and
 * even a "negative zero" are written back unchanged.
 */
public record SignedUpdate(boolean present, int magnitude, boolean negative) {
  /** Not sent. */
  public static final SignedUpdate ABSENT = new SignedUpdate(false, 0, false);

  public SignedUpdate {
    if (magnitude < 0 || (!present && (magnitude != 0 || negative))) {
      throw new IllegalArgumentException(
          "invalid signed update: present=%s magnitude=%d negative=%s"
              .formatted(present, magnitude, negative));
    }
  }

  /** The value an encoder sends for {@code v}: absent for 0, else magnitude and sign. */
  public static SignedUpdate of(int v) {
    return v == 0 ? ABSENT : new SignedUpdate(true, Math.abs(v), v < 0);
  }

  /** The signed value; 0 when absent. */
  public int value() {
    return negative ? -magnitude : magnitude;
  }

  /** Reads a flag and, when set, a {@code bits}-bit magnitude and a sign. */
  public static SignedUpdate read(BoolDecoder in, int bits) {
    if (!in.readFlag()) {
      return ABSENT;
    }
    int m = in.readLiteral(bits);
    return new SignedUpdate(true, m, in.readFlag());
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out, int bits) {
    out.writeFlag(present);
    if (present) {
      if (magnitude >= 1 << bits) {
        throw new IllegalArgumentException(
            "magnitude %d does not fit in %d bits".formatted(magnitude, bits));
      }
      out.writeLiteral(magnitude, bits);
      out.writeFlag(negative);
    }
  }
}
