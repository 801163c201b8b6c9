package org.excamera.codec.encode;

/**
 * VP8's six-tap sub-pixel interpolation (RFC 6386 §18.3, libvpx's {@code vp8_sixtap_predict*_c})
 * for motion search: a horizontal pass over the block's rows −2..h+2 with the taps of the x
 * fraction, each result rounded ({@code +64 >> 7}) and clamped to 0..255, then a vertical pass with
 * the taps of the y fraction, rounded and clamped again. Fractions are in eighths of a sample (luma
 * quarter-pel positions are the even ones). Kept here until the decoder's kernel can be shared.
 */
final class SixTapPrediction {
  private SixTapPrediction() {}

  private static final int[][] TAPS = {
    {0, 0, 128, 0, 0, 0},
    {0, -6, 123, 12, -1, 0},
    {2, -11, 108, 36, -8, 1},
    {0, -9, 93, 50, -6, 0},
    {3, -16, 77, 77, -16, 3},
    {0, -6, 50, 93, -9, 0},
    {1, -8, 36, 108, -11, 2},
    {0, -1, 12, 123, -6, 0},
  };

  /**
   * Predicts the {@code w × h} block whose whole-sample top-left is {@code src[srcOff]} displaced
   * by ({@code fracX}, {@code fracY}) eighths into {@code dst}. Reads 2 samples left/above and 3
   * right/below the block; {@code tmp} must hold {@code w · (h + 5)} ints.
   */
  static void predict(
      byte[] src,
      int srcOff,
      int srcStride,
      int fracX,
      int fracY,
      int w,
      int h,
      int[] tmp,
      byte[] dst,
      int dstOff,
      int dstStride) {
    int[] hx = TAPS[fracX];
    int[] vy = TAPS[fracY];
    // A zero fraction's pass is the identity (tap 128, then +64 >> 7): skip it.
    if (fracY == 0) {
      for (int r = 0; r < h; r++) {
        int row = srcOff + r * srcStride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++) {
          int i = row + c;
          int sum =
              hx[0] * (src[i - 2] & 0xFF)
                  + hx[1] * (src[i - 1] & 0xFF)
                  + hx[2] * (src[i] & 0xFF)
                  + hx[3] * (src[i + 1] & 0xFF)
                  + hx[4] * (src[i + 2] & 0xFF)
                  + hx[5] * (src[i + 3] & 0xFF);
          dst[d + c] = (byte) clamp255((sum + 64) >> 7);
        }
      }
      return;
    }
    if (fracX == 0) {
      for (int r = 0; r < h; r++) {
        int row = srcOff + r * srcStride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++) {
          int i = row + c;
          int sum =
              vy[0] * (src[i - 2 * srcStride] & 0xFF)
                  + vy[1] * (src[i - srcStride] & 0xFF)
                  + vy[2] * (src[i] & 0xFF)
                  + vy[3] * (src[i + srcStride] & 0xFF)
                  + vy[4] * (src[i + 2 * srcStride] & 0xFF)
                  + vy[5] * (src[i + 3 * srcStride] & 0xFF);
          dst[d + c] = (byte) clamp255((sum + 64) >> 7);
        }
      }
      return;
    }
    for (int r = 0; r < h + 5; r++) {
      int row = srcOff + (r - 2) * srcStride;
      for (int c = 0; c < w; c++) {
        int i = row + c;
        int sum =
            hx[0] * (src[i - 2] & 0xFF)
                + hx[1] * (src[i - 1] & 0xFF)
                + hx[2] * (src[i] & 0xFF)
                + hx[3] * (src[i + 1] & 0xFF)
                + hx[4] * (src[i + 2] & 0xFF)
                + hx[5] * (src[i + 3] & 0xFF);
        tmp[r * w + c] = clamp255((sum + 64) >> 7);
      }
    }
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int i = (r + 2) * w + c;
        int sum =
            vy[0] * tmp[i - 2 * w]
                + vy[1] * tmp[i - w]
                + vy[2] * tmp[i]
                + vy[3] * tmp[i + w]
                + vy[4] * tmp[i + 2 * w]
                + vy[5] * tmp[i + 3 * w];
        dst[dstOff + r * dstStride + c] = (byte) clamp255((sum + 64) >> 7);
      }
    }
  }

  private static int clamp255(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
