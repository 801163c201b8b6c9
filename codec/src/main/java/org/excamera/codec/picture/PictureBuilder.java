package org.excamera.codec.picture;

import java.util.Arrays;

/**
 * The mutable canvas a frame is reconstructed into: three planes of the macroblock-aligned coded
 * area with borders. Reconstruction and the loop filter write the backing arrays directly; {@link
 * #freeze()} replicates the edges into the borders and hands the arrays to an immutable {@link
 * Picture}, after which this builder is unusable.
 */
public final class PictureBuilder {
  /** Border of the luma plane; motion vectors reaching further use edge emulation. */
  public static final int LUMA_BORDER = 48;

  /** Border of the chroma planes. */
  public static final int CHROMA_BORDER = 24;

  private final Dimensions dimensions;
  private final int[] widths = new int[3];
  private final int[] heights = new int[3];
  private final int[] borders = new int[3];
  private final byte[][] planes;
  private boolean frozen;

  private PictureBuilder(Dimensions dimensions) {
    if (!dimensions.isKnown()) {
      throw new IllegalArgumentException("a picture needs known dimensions");
    }
    this.dimensions = dimensions;
    planes = new byte[3][];
    for (int p = 0; p < 3; p++) {
      int shift = p == 0 ? 4 : 3;
      widths[p] = dimensions.mbCols() << shift;
      heights[p] = dimensions.mbRows() << shift;
      borders[p] = p == 0 ? LUMA_BORDER : CHROMA_BORDER;
      planes[p] = new byte[(widths[p] + 2 * borders[p]) * (heights[p] + 2 * borders[p])];
    }
  }

  /** A canvas of the given size; all samples 0. */
  public static PictureBuilder blank(Dimensions dimensions) {
    return new PictureBuilder(dimensions);
  }

  /** A canvas holding a copy of the picture's samples. */
  public static PictureBuilder copyOf(Picture picture) {
    PictureBuilder b = new PictureBuilder(picture.dimensions());
    for (int p = 0; p < 3; p++) {
      byte[] src = picture.plane(p).samplesUnsafe();
      System.arraycopy(src, 0, b.planes[p], 0, src.length);
    }
    return b;
  }

  public Dimensions dimensions() {
    return dimensions;
  }

  private byte[][] live() {
    if (frozen) {
      throw new IllegalStateException("this PictureBuilder has been frozen");
    }
    return planes;
  }

  /** The backing array of plane 0 (Y), 1 (U) or 2 (V), for writing. */
  public byte[] data(int plane) {
    return live()[plane];
  }

  /** Coded width of a plane. */
  public int width(int plane) {
    return widths[plane];
  }

  /** Coded height of a plane. */
  public int height(int plane) {
    return heights[plane];
  }

  /** Row stride of a plane. */
  public int stride(int plane) {
    return widths[plane] + 2 * borders[plane];
  }

  /** Border of a plane. */
  public int border(int plane) {
    return borders[plane];
  }

  /** Index of sample (0, 0) of a plane. */
  public int origin(int plane) {
    return borders[plane] * stride(plane) + borders[plane];
  }

  /**
   * Copies a tightly packed {@code w} x {@code h} block into the top-left of a plane and repeats
   * its last column and row over the rest of the coded area.
   */
  void fill(int plane, byte[] src, int offset, int w, int h) {
    byte[] d = live()[plane];
    int stride = stride(plane);
    int o = origin(plane);
    for (int r = 0; r < heights[plane]; r++) {
      int sr = Math.min(r, h - 1);
      int row = o + r * stride;
      System.arraycopy(src, offset + sr * w, d, row, w);
      Arrays.fill(d, row + w, row + widths[plane], src[offset + sr * w + w - 1]);
    }
  }

  /** Replicates the coded area's edges into the borders, freezes, and returns the picture. */
  public Picture freeze() {
    byte[][] p = live();
    Plane[] result = new Plane[3];
    for (int i = 0; i < 3; i++) {
      extendBorders(p[i], widths[i], heights[i], borders[i]);
      result[i] = new Plane(widths[i], heights[i], borders[i], p[i]);
    }
    frozen = true;
    return new Picture(dimensions, result[0], result[1], result[2]);
  }

  private static void extendBorders(byte[] d, int w, int h, int border) {
    int stride = w + 2 * border;
    for (int y = 0; y < h; y++) {
      int row = (y + border) * stride;
      SampleRuns.fill(d, row, border, d[row + border]);
      SampleRuns.fill(d, row + border + w, border, d[row + border + w - 1]);
    }
    int first = border * stride;
    int last = (border + h - 1) * stride;
    for (int y = 0; y < border; y++) {
      System.arraycopy(d, first, d, y * stride, stride);
      System.arraycopy(d, last, d, (border + h + y) * stride, stride);
    }
  }
}
