package org.excamera.codec.recon;

import org.excamera.codec.tables.FilterTaps;

/**
 * One pass of the six-tap sub-pixel filter of RFC 6386 §18.3, as libvpx computes it: taps of the
 * fraction (eighth pixels, 1..7) over pixels -2..+3 along the pass, plus 64, shifted right by 7 and
 * clamped to 0..255. Both kernels slide a window along the pass so that every output loads one new
 * sample; the odd fractions have zero outer taps and use the four-tap loops. The two-dimensional
 * filter is the horizontal pass over the block and the two rows above and three below it, then the
 * vertical pass over that.
 */
final class SixTapFilter {
  private static final int[] TAPS = FilterTaps.sixtapFilters();

  private SixTapFilter() {}

  /** Filters {@code h} rows of {@code w} samples along each row. */
  static void horizontal(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    filter(src, off, 1, stride, fraction, dst, dstOff, 1, dstStride, w, h);
  }

  /** Filters {@code w} columns of {@code h} samples down each column. */
  static void vertical(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    filter(src, off, stride, 1, fraction, dst, dstOff, dstStride, 1, h, w);
  }

  /**
   * Filters {@code lines} lines of {@code length} samples; samples of a line are {@code step}
   * apart, lines {@code next} apart (likewise {@code dstStep} and {@code dstNext}).
   */
  private static void filter(
      byte[] src,
      int off,
      int step,
      int next,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStep,
      int dstNext,
      int length,
      int lines) {
    int t = fraction * 6;
    int f1 = TAPS[t + 1];
    int f2 = TAPS[t + 2];
    int f3 = TAPS[t + 3];
    int f4 = TAPS[t + 4];
    if ((fraction & 1) != 0) {
      for (int line = 0; line < lines; line++) {
        int s = off + line * next;
        int d = dstOff + line * dstNext;
        int a1 = src[s - step] & 0xFF;
        int a2 = src[s] & 0xFF;
        int a3 = src[s + step] & 0xFF;
        s += 2 * step;
        for (int i = 0; i < length; i++, s += step, d += dstStep) {
          int a4 = src[s] & 0xFF;
          dst[d] = clamp((a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + 64) >> 7);
          a1 = a2;
          a2 = a3;
          a3 = a4;
        }
      }
      return;
    }
    int f0 = TAPS[t];
    int f5 = TAPS[t + 5];
    for (int line = 0; line < lines; line++) {
      int s = off + line * next;
      int d = dstOff + line * dstNext;
      int a0 = src[s - 2 * step] & 0xFF;
      int a1 = src[s - step] & 0xFF;
      int a2 = src[s] & 0xFF;
      int a3 = src[s + step] & 0xFF;
      int a4 = src[s + 2 * step] & 0xFF;
      s += 3 * step;
      for (int i = 0; i < length; i++, s += step, d += dstStep) {
        int a5 = src[s] & 0xFF;
        dst[d] = clamp((a0 * f0 + a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + a5 * f5 + 64) >> 7);
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = a4;
        a4 = a5;
      }
    }
  }

  private static byte clamp(int v) {
    return InverseTransform.clamp255(v);
  }
}
