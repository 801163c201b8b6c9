package org.excamera.codec.encode;

import org.excamera.codec.io.RawFrame;

/**
 * Structural similarity as libvpx computes it ({@code vpx_dsp/ssim.c}, {@code vpx_ssim2} and {@code
 * vpx_calc_ssim}): 8×8 windows whose top-left corners lie on the 4×4 grid (so windows overlap and
 * straddle block edges), only windows wholly inside the plane; per window the integer sums Σs, Σr,
 * Σs², Σr², Σsr give
 *
 * <pre>
 *   ssim = (2·Σs·Σr + c1) · (2·64·Σsr − 2·Σs·Σr + c2)
 *        / (((Σs)² + (Σr)² + c1) · (64·Σs² − (Σs)² + 64·Σr² − (Σr)² + c2))
 * </pre>
 *
 * with c1 = 26634 and c2 = 239708 (64²·(0.01·255)² and 64²·(0.03·255)², scaled by 2^12 and back),
 * numerator and denominator exact 64-bit integers, one double division; a plane's SSIM is the plain
 * mean over its windows. This is the variant vpxenc's {@code --tune=ssim} internals and {@code
 * vpxenc --psnr}-style reports use; ffmpeg's {@code ssim} filter (4×4 blocks, float constants,
 * unbiased variance) gives slightly different numbers.
 */
public final class Ssim {
  private Ssim() {}

  private static final long C1 = 26634;
  private static final long C2 = 239708;

  /**
   * SSIM of two {@code width × height} planes (row r of each at offset + r·stride). Planes smaller
   * than 8×8 have no window and are rejected.
   */
  public static double plane(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int width, int height) {
    if (width < 8 || height < 8) {
      throw new IllegalArgumentException(
          "SSIM needs at least one 8x8 window: plane is %dx%d".formatted(width, height));
    }
    double total = 0;
    int samples = 0;
    for (int y = 0; y <= height - 8; y += 4) {
      for (int x = 0; x <= width - 8; x += 4) {
        total += window(a, aOff + y * aStride + x, aStride, b, bOff + y * bStride + x, bStride);
        samples++;
      }
    }
    return total / samples;
  }

  /** SSIM of one 8×8 window, libvpx's {@code ssim_8x8}. */
  static double window(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride) {
    // 64 samples of at most 255²: every sum fits an int
    int sumS = 0;
    int sumR = 0;
    int sumSqS = 0;
    int sumSqR = 0;
    int sumSR = 0;
    for (int r = 0; r < 8; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      for (int c = 0; c < 8; c++) {
        int s = a[i + c] & 0xFF;
        int t = b[j + c] & 0xFF;
        sumS += s;
        sumR += t;
        sumSqS += s * s;
        sumSqR += t * t;
        sumSR += s * t;
      }
    }
    return similarity(sumS, sumR, sumSqS, sumSqR, sumSR);
  }

  static double similarity(long sumS, long sumR, long sumSqS, long sumSqR, long sumSR) {
    long n = 64;
    long numerator = (2 * sumS * sumR + C1) * (2 * n * sumSR - 2 * sumS * sumR + C2);
    long denominator =
        (sumS * sumS + sumR * sumR + C1)
            * (n * sumSqS - sumS * sumS + n * sumSqR - sumR * sumR + C2);
    return (double) numerator / denominator;
  }

  /**
   * libvpx's frame SSIM ({@code vpx_calc_ssim}): 0.8·Y + 0.1·U + 0.1·V. When the chroma planes are
   * smaller than 8×8 (frames under 16×16) only luma counts.
   */
  public static double frame(RawFrame a, RawFrame b) {
    requireSameSize(a, b);
    int w = a.width();
    int h = a.height();
    double y = plane(a.copyY(), 0, w, b.copyY(), 0, w, w, h);
    int cw = a.chromaWidth();
    int ch = a.chromaHeight();
    if (cw < 8 || ch < 8) {
      return y;
    }
    double u = plane(a.copyU(), 0, cw, b.copyU(), 0, cw, cw, ch);
    double v = plane(a.copyV(), 0, cw, b.copyV(), 0, cw, cw, ch);
    return y * .8 + .1 * (u + v);
  }

  /** SSIM in decibels, {@code −10·log10(1 − ssim)}; +∞ for identical pictures. */
  public static double toDb(double ssim) {
    return -10 * Math.log10(1 - ssim);
  }

  static void requireSameSize(RawFrame a, RawFrame b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(
          "frames differ in size: %dx%d vs %dx%d"
              .formatted(a.width(), a.height(), b.width(), b.height()));
    }
  }
}
