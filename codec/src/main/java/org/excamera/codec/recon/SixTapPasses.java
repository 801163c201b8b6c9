package org.excamera.codec.recon;

/**
 * The two six-tap passes of {@link SixTapFilter} (RFC 6386 §18.3) for blocks whose width is a
 * multiple of 8: {@link PackedSixTap} (JDK only) or {@code VectorSixTap} (Vector API), picked by
 * {@link SixTapKernels}. Both read the samples -2..+3 along the pass whatever the fraction.
 */
interface SixTapPasses {
  /** Filters {@code h} rows of {@code w} samples along each row; {@code w % 8 == 0}. */
  void horizontal(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h);

  /** Filters {@code w} columns of {@code h} samples down each column; {@code w % 8 == 0}. */
  void vertical(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h);
}
