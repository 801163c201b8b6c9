package org.excamera.codec.recon;

/**
 * The inverse transforms of RFC 6386 §14.3–14.4 with libvpx's integer arithmetic: the 4x4 inverse
 * DCT (vertical pass first, results of the first pass kept as 16-bit values, then {@code (x + 4) >>
 * 3}), its DC-only shortcut, and the inverse Walsh–Hadamard transform of the Y2 block. Inputs are
 * dequantized coefficients in raster order.
 */
public final class InverseTransform {
  private InverseTransform() {}

  private static final int COSPI8SQRT2MINUS1 = 20091;
  private static final int SINPI8SQRT2 = 35468;

  /**
   * Adds the inverse DCT of {@code in[inOff .. inOff+16)} to the 4x4 block at {@code dst[dstOff]}
   * with the given stride, clamping to 0..255. {@code tmp} is 16 shorts of scratch.
   */
  public static void idctAdd(
      short[] in, int inOff, byte[] dst, int dstOff, int stride, short[] tmp) {
    for (int i = 0; i < 4; i++) {
      int i0 = in[inOff + i];
      int i4 = in[inOff + 4 + i];
      int i8 = in[inOff + 8 + i];
      int i12 = in[inOff + 12 + i];
      int a1 = i0 + i8;
      int b1 = i0 - i8;
      int temp1 = (i4 * SINPI8SQRT2) >> 16;
      int temp2 = i12 + ((i12 * COSPI8SQRT2MINUS1) >> 16);
      int c1 = temp1 - temp2;
      temp1 = i4 + ((i4 * COSPI8SQRT2MINUS1) >> 16);
      temp2 = (i12 * SINPI8SQRT2) >> 16;
      int d1 = temp1 + temp2;
      tmp[i] = (short) (a1 + d1);
      tmp[12 + i] = (short) (a1 - d1);
      tmp[4 + i] = (short) (b1 + c1);
      tmp[8 + i] = (short) (b1 - c1);
    }
    for (int r = 0; r < 4; r++) {
      int t0 = tmp[r * 4];
      int t1 = tmp[r * 4 + 1];
      int t2 = tmp[r * 4 + 2];
      int t3 = tmp[r * 4 + 3];
      int a1 = t0 + t2;
      int b1 = t0 - t2;
      int temp1 = (t1 * SINPI8SQRT2) >> 16;
      int temp2 = t3 + ((t3 * COSPI8SQRT2MINUS1) >> 16);
      int c1 = temp1 - temp2;
      temp1 = t1 + ((t1 * COSPI8SQRT2MINUS1) >> 16);
      temp2 = (t3 * SINPI8SQRT2) >> 16;
      int d1 = temp1 + temp2;
      int o = dstOff + r * stride;
      dst[o] = clamp255((dst[o] & 0xFF) + (short) ((a1 + d1 + 4) >> 3));
      dst[o + 3] = clamp255((dst[o + 3] & 0xFF) + (short) ((a1 - d1 + 4) >> 3));
      dst[o + 1] = clamp255((dst[o + 1] & 0xFF) + (short) ((b1 + c1 + 4) >> 3));
      dst[o + 2] = clamp255((dst[o + 2] & 0xFF) + (short) ((b1 - c1 + 4) >> 3));
    }
  }

  /** Adds {@code (dc + 4) >> 3} to every pixel of the 4x4 block (the DCT of a DC-only block). */
  public static void dcOnlyAdd(int dc, byte[] dst, int dstOff, int stride) {
    int a = ((short) dc + 4) >> 3;
    if (a == 0) {
      return;
    }
    for (int r = 0; r < 4; r++) {
      int o = dstOff + r * stride;
      dst[o] = clamp255((dst[o] & 0xFF) + a);
      dst[o + 1] = clamp255((dst[o + 1] & 0xFF) + a);
      dst[o + 2] = clamp255((dst[o + 2] & 0xFF) + a);
      dst[o + 3] = clamp255((dst[o + 3] & 0xFF) + a);
    }
  }

  /**
   * Inverse WHT of the dequantized Y2 block {@code in[inOff..+16)}; output {@code i} (the DC of
   * luma block {@code i}) goes to {@code out[outOff + i * outStride]}. {@code tmp}: 16 scratch.
   */
  public static void inverseWht(
      short[] in, int inOff, short[] out, int outOff, int outStride, short[] tmp) {
    for (int i = 0; i < 4; i++) {
      int i0 = in[inOff + i];
      int i4 = in[inOff + 4 + i];
      int i8 = in[inOff + 8 + i];
      int i12 = in[inOff + 12 + i];
      int a1 = i0 + i12;
      int b1 = i4 + i8;
      int c1 = i4 - i8;
      int d1 = i0 - i12;
      tmp[i] = (short) (a1 + b1);
      tmp[4 + i] = (short) (c1 + d1);
      tmp[8 + i] = (short) (a1 - b1);
      tmp[12 + i] = (short) (d1 - c1);
    }
    for (int r = 0; r < 4; r++) {
      int t0 = tmp[r * 4];
      int t1 = tmp[r * 4 + 1];
      int t2 = tmp[r * 4 + 2];
      int t3 = tmp[r * 4 + 3];
      int a1 = t0 + t3;
      int b1 = t1 + t2;
      int c1 = t1 - t2;
      int d1 = t0 - t3;
      int o = outOff + r * 4 * outStride;
      out[o] = (short) ((a1 + b1 + 3) >> 3);
      out[o + outStride] = (short) ((c1 + d1 + 3) >> 3);
      out[o + 2 * outStride] = (short) ((a1 - b1 + 3) >> 3);
      out[o + 3 * outStride] = (short) ((d1 - c1 + 3) >> 3);
    }
  }

  /** The byte for {@code v} clamped to 0..255. */
  static byte clamp255(int v) {
    return (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
  }
}
