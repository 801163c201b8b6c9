package org.excamera.codec.picture;

/**
 * An immutable decoded picture: its display {@link Dimensions} and the Y, U and V planes of the
 * macroblock-aligned coded area (RFC 6386 §5). The coded area beyond the display size is part of
 * the picture because later frames predict from it. Equality compares the coded areas.
 */
public final class Picture {
  private final Dimensions dimensions;
  private final Plane y;
  private final Plane u;
  private final Plane v;

  Picture(Dimensions dimensions, Plane y, Plane u, Plane v) {
    this.dimensions = dimensions;
    this.y = y;
    this.u = u;
    this.v = v;
  }

  /** Display size. */
  public Dimensions dimensions() {
    return dimensions;
  }

  /** Display width. */
  public int width() {
    return dimensions.width();
  }

  /** Display height. */
  public int height() {
    return dimensions.height();
  }

  /** The luma plane. */
  public Plane y() {
    return y;
  }

  /** The Cb plane. */
  public Plane u() {
    return u;
  }

  /** The Cr plane. */
  public Plane v() {
    return v;
  }

  /** Plane 0 (Y), 1 (U) or 2 (V). */
  public Plane plane(int index) {
    return switch (index) {
      case 0 -> y;
      case 1 -> u;
      case 2 -> v;
      default -> throw new IllegalArgumentException("plane index " + index);
    };
  }

  /** The display area as tightly packed I420: Y (w x h), then U and V ((w+1)/2 x (h+1)/2 each). */
  public byte[] toI420() {
    int w = dimensions.width();
    int h = dimensions.height();
    int cw = dimensions.chromaWidth();
    int ch = dimensions.chromaHeight();
    byte[] out = new byte[w * h + 2 * cw * ch];
    int pos = 0;
    for (int r = 0; r < h; r++, pos += w) {
      y.copyRow(r, out, pos, w);
    }
    for (int r = 0; r < ch; r++, pos += cw) {
      u.copyRow(r, out, pos, cw);
    }
    for (int r = 0; r < ch; r++, pos += cw) {
      v.copyRow(r, out, pos, cw);
    }
    return out;
  }

  /**
   * A picture holding the given display-size I420 samples (tightly packed as {@link #toI420()}
   * writes them); the coded area beyond the display size repeats the last column and row.
   */
  public static Picture fromI420(Dimensions dimensions, byte[] i420) {
    int w = dimensions.width();
    int h = dimensions.height();
    int cw = dimensions.chromaWidth();
    int ch = dimensions.chromaHeight();
    if (!dimensions.isKnown() || i420.length != w * h + 2 * cw * ch) {
      throw new IllegalArgumentException(
          "%d bytes are not an I420 picture of %s".formatted(i420.length, dimensions));
    }
    PictureBuilder b = PictureBuilder.blank(dimensions);
    b.fill(0, i420, 0, w, h);
    b.fill(1, i420, w * h, cw, ch);
    b.fill(2, i420, w * h + cw * ch, cw, ch);
    return b.freeze();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof Picture p
        && p.dimensions.equals(dimensions)
        && p.y.equals(y)
        && p.u.equals(u)
        && p.v.equals(v);
  }

  @Override
  public int hashCode() {
    return ((dimensions.hashCode() * 31 + y.hashCode()) * 31 + u.hashCode()) * 31 + v.hashCode();
  }

  @Override
  public String toString() {
    return "Picture[" + dimensions + "]";
  }
}
