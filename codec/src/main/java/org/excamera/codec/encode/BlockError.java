package org.excamera.codec.encode;

/**
 * Block distortion measures for motion search and mode decision: the sum of absolute differences
 * (libvpx's {@code vpx_sad16x16} etc.) and the sum of squared differences of two 8-bit blocks.
 */
public final class BlockError {
  private BlockError() {}

  /** SAD of two {@code w × h} blocks. */
  public static int sad(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int w, int h) {
    int sad = 0;
    for (int r = 0; r < h; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      for (int c = 0; c < w; c++) {
        sad += Math.abs((a[i + c] & 0xFF) - (b[j + c] & 0xFF));
      }
    }
    return sad;
  }

  /**
   * SAD that may stop early: once a full row leaves the running sum above {@code limit} it returns
   * that partial sum (still above {@code limit}). Exact whenever the result is {@code <= limit}.
   */
  public static int sad(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int w, int h, int limit) {
    int sad = 0;
    for (int r = 0; r < h; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      for (int c = 0; c < w; c++) {
        sad += Math.abs((a[i + c] & 0xFF) - (b[j + c] & 0xFF));
      }
      if (sad > limit) {
        return sad;
      }
    }
    return sad;
  }

  public static int sad16x16(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride) {
    return sad(a, aOff, aStride, b, bOff, bStride, 16, 16);
  }

  public static int sad8x8(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride) {
    return sad(a, aOff, aStride, b, bOff, bStride, 8, 8);
  }

  public static int sad4x4(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride) {
    return sad(a, aOff, aStride, b, bOff, bStride, 4, 4);
  }

  /** Sum of squared differences of two {@code w × h} blocks (at most 16384·255² for 128×128). */
  public static int sse(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int w, int h) {
    int sse = 0;
    for (int r = 0; r < h; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      for (int c = 0; c < w; c++) {
        int d = (a[i + c] & 0xFF) - (b[j + c] & 0xFF);
        sse += d * d;
      }
    }
    return sse;
  }
}
