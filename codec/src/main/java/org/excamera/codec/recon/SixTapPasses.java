package org.excamera.codec.recon;

/**
 * {@link SixTapFilter#predict} for 8- and 16-wide blocks with the Vector API (compiled apart),
 * found by {@link SixTapKernels}. An 8-wide block is filtered sixteen samples a row like a 16-wide
 * one, so the passes read 8 samples further right than the scalar passes (still inside the plane's
 * array wherever the scalar passes read inside its border or an edge-emulated copy); only the block
 * is written. Callers check {@link #fits} first.
 */
interface SixTapPasses {
  /** Bytes of scratch {@link #predict} needs for a block {@code w} x {@code h}. */
  static int scratchSize(int w, int h) {
    return 16 * (h + 5) + (w == 8 ? 16 : 0);
  }

  /**
   * Whether the passes may run on a {@code w} x {@code h} block at {@code src[off]}: the scratch is
   * large enough, and for {@code w == 8} the samples read past the block's right edge (up to 19
   * right of column 0, on rows up to {@code h + 2}) are inside the array.
   */
  static boolean fits(byte[] src, int off, int stride, int w, int h, byte[] scratch) {
    return (w == 16 || w == 8 && off + (h + 2) * stride + 19 <= src.length)
        && scratch.length >= scratchSize(w, h);
  }

  /** As {@link SixTapFilter#predict}, for {@code w} 8 or 16 and a fraction other than (0, 0). */
  void predict(
      byte[] src,
      int off,
      int stride,
      int mx,
      int my,
      int w,
      int h,
      byte[] scratch,
      byte[] dst,
      int dstOff,
      int dstStride);
}
