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
    // Taps in locals: the passes write int and byte arrays the JIT cannot prove apart from TAPS.
    int h0 = hx[0];
    int h1 = hx[1];
    int h2 = hx[2];
    int h3 = hx[3];
    int h4 = hx[4];
    int h5 = hx[5];
    int v0 = vy[0];
    int v1 = vy[1];
    int v2 = vy[2];
    int v3 = vy[3];
    int v4 = vy[4];
    int v5 = vy[5];
    // A zero fraction's pass is the identity (tap 128, then +64 >> 7): skip it.
    if (fracY == 0) {
      for (int r = 0; r < h; r++) {
        int i = srcOff + r * srcStride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++, i++) {
          dst[d + c] = (byte) taps(src, i, 1, h0, h1, h2, h3, h4, h5);
        }
      }
      return;
    }
    if (fracX == 0) {
      for (int r = 0; r < h; r++) {
        int i = srcOff + r * srcStride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++, i++) {
          dst[d + c] = (byte) taps(src, i, srcStride, v0, v1, v2, v3, v4, v5);
        }
      }
      return;
    }
    for (int r = 0; r < h + 5; r++) {
      int i = srcOff + (r - 2) * srcStride;
      int t = r * w;
      for (int c = 0; c < w; c++, i++) {
        tmp[t + c] = taps(src, i, 1, h0, h1, h2, h3, h4, h5);
      }
    }
    int w2 = 2 * w;
    int w3 = 3 * w;
    for (int r = 0; r < h; r++) {
      int i = (r + 2) * w;
      int d = dstOff + r * dstStride;
      for (int c = 0; c < w; c++, i++) {
        int sum =
            v0 * tmp[i - w2]
                + v1 * tmp[i - w]
                + v2 * tmp[i]
                + v3 * tmp[i + w]
                + v4 * tmp[i + w2]
                + v5 * tmp[i + w3];
        dst[d + c] = (byte) clamp255((sum + 64) >> 7);
      }
    }
  }

  /**
   * The six taps over the samples {@code step} apart around {@code src[i]} (two before, three
   * after), rounded and clamped to 0..255.
   */
  private static int taps(
      byte[] src, int i, int step, int t0, int t1, int t2, int t3, int t4, int t5) {
    int sum =
        t0 * (src[i - 2 * step] & 0xFF)
            + t1 * (src[i - step] & 0xFF)
            + t2 * (src[i] & 0xFF)
            + t3 * (src[i + step] & 0xFF)
            + t4 * (src[i + 2 * step] & 0xFF)
            + t5 * (src[i + 3 * step] & 0xFF);
    return clamp255((sum + 64) >> 7);
  }

  private static int clamp255(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
