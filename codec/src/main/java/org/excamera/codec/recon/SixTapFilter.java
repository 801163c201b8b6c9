package org.excamera.codec.recon;

import org.excamera.codec.tables.FilterTaps;

/**
 * One pass of the six-tap sub-pixel filter of RFC 6386 §18.3, as libvpx computes it: taps of the
 * fraction (eighth pixels, 1..7) over pixels -2..+3 along the pass, plus 64, shifted right by 7 and
 * clamped to 0..255. The two-dimensional filter is the horizontal pass over the block and the rows
 * above and below it that the vertical taps reach, then the vertical pass over that.
 *
 * <p>Speed, and why the loops look alike: each kernel slides a window along its pass, so every
 * output loads one new sample; horizontal and vertical passes are separate loops with a constant
 * step, which lets the JIT drop bounds checks and keep the window in registers; the even fractions
 * (all luma vectors are quarter-pel) get their taps as constants, about a fifth faster again, and
 * the odd ones (chroma only) have zero outer taps and run four-tap loops.
 */
public final class SixTapFilter {
  private static final int[] TAPS = FilterTaps.sixtapFilters();
  private static final PackedSixTap PASSES = new PackedSixTap();

  private SixTapFilter() {}

  /**
   * Predicts the {@code w} x {@code h} block whose whole-sample top-left is {@code src[off]},
   * displaced by ({@code mx}, {@code my}) eighths, into {@code dst}: the decoder's inter prediction
   * and the encoder's motion search both come here. Reads 2 samples left/above and 3 right/below
   * the block; {@code scratch} must hold {@code w * (h + 5)} bytes.
   */
  public static void predict(
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
      int dstStride) {
    if ((mx | my) == 0) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(src, off + r * stride, dst, dstOff + r * dstStride, w);
      }
    } else if ((w & 7) == 0) {
      // The Vector API passes where this JVM has them (SixTapKernels), else the packed ones.
      SixTapPasses vector = SixTapKernels.VECTOR;
      if (vector != null && SixTapPasses.fits(src, off, stride, w, h, scratch)) {
        vector.predict(src, off, stride, mx, my, w, h, scratch, dst, dstOff, dstStride);
      } else {
        packed(src, off, stride, mx, my, w, h, scratch, dst, dstOff, dstStride);
      }
    } else if (my == 0) {
      horizontal(src, off, stride, mx, dst, dstOff, dstStride, w, h);
    } else if (mx == 0) {
      vertical(src, off, stride, my, dst, dstOff, dstStride, w, h);
    } else {
      // The vertical pass reads rows -2..h+2 (-1..h+1 for the four-tap odd fractions).
      int above = (my & 1) != 0 ? 1 : 2;
      int rows = h + 1 + 2 * above;
      horizontal(src, off - above * stride, stride, mx, scratch, 0, w, w, rows);
      vertical(scratch, above * w, w, my, dst, dstOff, dstStride, w, h);
    }
  }

  /**
   * {@link #predict} eight or sixteen samples at a time with {@link PackedSixTap}, the JDK-only
   * passes for {@code w % 8 == 0}.
   */
  static void packed(
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
      int dstStride) {
    if (my == 0) {
      PASSES.horizontal(src, off, stride, mx, dst, dstOff, dstStride, w, h);
    } else if (mx == 0) {
      PASSES.vertical(src, off, stride, my, dst, dstOff, dstStride, w, h);
    } else {
      PASSES.horizontal(src, off - 2 * stride, stride, mx, scratch, 0, w, w, h + 5);
      PASSES.vertical(scratch, 2 * w, w, my, dst, dstOff, dstStride, w, h);
    }
  }

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
    switch (fraction) {
      case 2 -> horizontal6(src, off, stride, 2, dst, dstOff, dstStride, w, h);
      case 4 -> horizontal6(src, off, stride, 4, dst, dstOff, dstStride, w, h);
      case 6 -> horizontal6(src, off, stride, 6, dst, dstOff, dstStride, w, h);
      default -> horizontal4(src, off, stride, fraction * 6, dst, dstOff, dstStride, w, h);
    }
  }

  private static void horizontal4(
      byte[] src,
      int off,
      int stride,
      int taps,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    int f1 = TAPS[taps + 1];
    int f2 = TAPS[taps + 2];
    int f3 = TAPS[taps + 3];
    int f4 = TAPS[taps + 4];
    for (int r = 0; r < h; r++) {
      int s = off + r * stride;
      int d = dstOff + r * dstStride;
      int a1 = src[s - 1] & 0xFF;
      int a2 = src[s] & 0xFF;
      int a3 = src[s + 1] & 0xFF;
      for (int c = 0; c < w; c++) {
        int a4 = src[s + c + 2] & 0xFF;
        dst[d + c] = clamp((a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + 64) >> 7);
        a1 = a2;
        a2 = a3;
        a3 = a4;
      }
    }
  }

  private static void horizontal6(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    for (int r = 0; r < h; r++) {
      int s = off + r * stride;
      int d = dstOff + r * dstStride;
      int a0 = src[s - 2] & 0xFF;
      int a1 = src[s - 1] & 0xFF;
      int a2 = src[s] & 0xFF;
      int a3 = src[s + 1] & 0xFF;
      int a4 = src[s + 2] & 0xFF;
      for (int c = 0; c < w; c++) {
        int a5 = src[s + c + 3] & 0xFF;
        dst[d + c] = clamp((sixTaps(fraction, a0, a1, a2, a3, a4, a5) + 64) >> 7);
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = a4;
        a4 = a5;
      }
    }
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
    switch (fraction) {
      case 2 -> vertical6(src, off, stride, 2, dst, dstOff, dstStride, w, h);
      case 4 -> vertical6(src, off, stride, 4, dst, dstOff, dstStride, w, h);
      case 6 -> vertical6(src, off, stride, 6, dst, dstOff, dstStride, w, h);
      default -> vertical4(src, off, stride, fraction * 6, dst, dstOff, dstStride, w, h);
    }
  }

  private static void vertical4(
      byte[] src,
      int off,
      int stride,
      int taps,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    int f1 = TAPS[taps + 1];
    int f2 = TAPS[taps + 2];
    int f3 = TAPS[taps + 3];
    int f4 = TAPS[taps + 4];
    for (int c = 0; c < w; c++) {
      int s = off + c;
      int d = dstOff + c;
      int a1 = src[s - stride] & 0xFF;
      int a2 = src[s] & 0xFF;
      int a3 = src[s + stride] & 0xFF;
      s += 2 * stride;
      for (int r = 0; r < h; r++, s += stride, d += dstStride) {
        int a4 = src[s] & 0xFF;
        dst[d] = clamp((a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + 64) >> 7);
        a1 = a2;
        a2 = a3;
        a3 = a4;
      }
    }
  }

  private static void vertical6(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    for (int c = 0; c < w; c++) {
      int s = off + c;
      int d = dstOff + c;
      int a0 = src[s - 2 * stride] & 0xFF;
      int a1 = src[s - stride] & 0xFF;
      int a2 = src[s] & 0xFF;
      int a3 = src[s + stride] & 0xFF;
      int a4 = src[s + 2 * stride] & 0xFF;
      s += 3 * stride;
      for (int r = 0; r < h; r++, s += stride, d += dstStride) {
        int a5 = src[s] & 0xFF;
        dst[d] = clamp((sixTaps(fraction, a0, a1, a2, a3, a4, a5) + 64) >> 7);
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = a4;
        a4 = a5;
      }
    }
  }

  /**
   * The weighted sum of an even fraction's taps, {@link FilterTaps} written out as constants (the
   * half-pixel filter is symmetric). The callers pass the fraction as a constant so that the JIT,
   * inlining the loop, folds this switch away.
   */
  private static int sixTaps(int fraction, int a0, int a1, int a2, int a3, int a4, int a5) {
    return switch (fraction) {
      case 2 -> 2 * a0 - 11 * a1 + 108 * a2 + 36 * a3 - 8 * a4 + a5;
      case 4 -> 3 * (a0 + a5) - 16 * (a1 + a4) + 77 * (a2 + a3);
      case 6 -> a0 - 8 * a1 + 36 * a2 + 108 * a3 - 11 * a4 + 2 * a5;
      default -> throw new AssertionError("not an even fraction: " + fraction);
    };
  }

  private static byte clamp(int v) {
    return InverseTransform.clamp255(v);
  }
}
