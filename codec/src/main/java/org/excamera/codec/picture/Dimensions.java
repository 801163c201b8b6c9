package org.excamera.codec.picture;

/**
 * The display size of a frame in pixels (RFC 6386 §9.1: 14 bits each, so 1..16383). The coded area
 * is rounded up to whole 16x16 macroblocks. {@link #NONE} is the size of a state that no key frame
 * has initialised yet.
 */
public record Dimensions(int width, int height) {
  /** The largest width or height VP8 can signal. */
  public static final int MAX = 16383;

  /** No size yet (before the first key frame). */
  public static final Dimensions NONE = new Dimensions(0, 0);

  public Dimensions {
    boolean none = width == 0 && height == 0;
    if (!none && (width < 1 || width > MAX || height < 1 || height > MAX)) {
      throw new IllegalArgumentException("dimensions out of range: %dx%d".formatted(width, height));
    }
  }

  /** Whether this is a real size (not {@link #NONE}). */
  public boolean isKnown() {
    return width > 0;
  }

  /** Macroblock columns. */
  public int mbCols() {
    return (width + 15) >> 4;
  }

  /** Macroblock rows. */
  public int mbRows() {
    return (height + 15) >> 4;
  }

  /** Chroma display width, rounded up. */
  public int chromaWidth() {
    return (width + 1) >> 1;
  }

  /** Chroma display height, rounded up. */
  public int chromaHeight() {
    return (height + 1) >> 1;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
