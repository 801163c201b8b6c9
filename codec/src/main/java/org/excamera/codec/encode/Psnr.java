package org.excamera.codec.encode;

import org.excamera.codec.io.RawFrame;

/**
 * Sum of squared errors and PSNR as libvpx reports them ({@code vpx_sse_to_psnr}): {@code
 * 10·log10(samples · 255² / sse)}, capped at {@link #MAX_PSNR} (also the value for identical
 * pictures). A frame's PSNR comes from the SSE summed over Y, U and V and their total sample count.
 */
public final class Psnr {
  private Psnr() {}

  /** libvpx's {@code MAX_PSNR}. */
  public static final double MAX_PSNR = 100.0;

  /** Sum of squared differences of two {@code width × height} planes. */
  public static long sse(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int width, int height) {
    long sse = 0;
    for (int r = 0; r < height; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      int row = 0; // at most 16384 · 255² per row: fits an int
      for (int c = 0; c < width; c++) {
        int d = (a[i + c] & 0xFF) - (b[j + c] & 0xFF);
        row += d * d;
      }
      sse += row;
    }
    return sse;
  }

  /** PSNR in dB of {@code sse} over {@code samples} 8-bit samples. */
  public static double fromSse(long sse, long samples) {
    if (sse <= 0) {
      return MAX_PSNR;
    }
    return Math.min(MAX_PSNR, 10.0 * Math.log10(samples * 255.0 * 255.0 / sse));
  }

  /** PSNR of two pictures over all three planes. */
  public static double frame(RawFrame a, RawFrame b) {
    Ssim.requireSameSize(a, b);
    int w = a.width();
    int h = a.height();
    int cw = a.chromaWidth();
    int ch = a.chromaHeight();
    long sse =
        sse(a.copyY(), 0, w, b.copyY(), 0, w, w, h)
            + sse(a.copyU(), 0, cw, b.copyU(), 0, cw, cw, ch)
            + sse(a.copyV(), 0, cw, b.copyV(), 0, cw, cw, ch);
    return fromSse(sse, (long) w * h + 2L * cw * ch);
  }
}
