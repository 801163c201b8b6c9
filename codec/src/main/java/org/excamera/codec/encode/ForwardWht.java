package org.excamera.codec.encode;

/**
 * The forward 4×4 Walsh–Hadamard transform of the Y2 block (the 16 luma DC coefficients of a
 * macroblock predicted with a 16×16 mode), bit-exact with libvpx's {@code vp8_short_walsh4x4_c};
 * its inverse is RFC 6386 §14.3's {@code iwalsh}. Rows first (inputs scaled by 4; the first output
 * gets +1 when {@code a1 != 0}), then columns, where each sum is moved towards zero by one when
 * negative before {@code (x + 3) >> 3}. Intermediate values are kept to 16 bits as in libvpx.
 */
public final class ForwardWht {
  private ForwardWht() {}

  /**
   * Transforms the 16 DC values at {@code in[inOff]} (row r at {@code inOff + r·inStride}, the DC
   * of luma subblock {@code 4·r + c} at column c) into 16 coefficients in raster order at {@code
   * out[outOff..outOff+15]}. The regions must not overlap.
   */
  public static void fwht4x4(short[] in, int inOff, int inStride, short[] out, int outOff) {
    for (int r = 0; r < 4; r++) {
      int i = inOff + r * inStride;
      int a1 = (in[i] + in[i + 2]) * 4;
      int d1 = (in[i + 1] + in[i + 3]) * 4;
      int c1 = (in[i + 1] - in[i + 3]) * 4;
      int b1 = (in[i] - in[i + 2]) * 4;
      int o = outOff + 4 * r;
      out[o] = (short) (a1 + d1 + (a1 != 0 ? 1 : 0));
      out[o + 1] = (short) (b1 + c1);
      out[o + 2] = (short) (b1 - c1);
      out[o + 3] = (short) (a1 - d1);
    }
    for (int c = 0; c < 4; c++) {
      int o = outOff + c;
      int a1 = out[o] + out[o + 8];
      int d1 = out[o + 4] + out[o + 12];
      int c1 = out[o + 4] - out[o + 12];
      int b1 = out[o] - out[o + 8];
      out[o] = (short) ((towardZero(a1 + d1) + 3) >> 3);
      out[o + 4] = (short) ((towardZero(b1 + c1) + 3) >> 3);
      out[o + 8] = (short) ((towardZero(b1 - c1) + 3) >> 3);
      out[o + 12] = (short) ((towardZero(a1 - d1) + 3) >> 3);
    }
  }

  /** libvpx's {@code x += x < 0}: negative sums move one step towards zero. */
  private static int towardZero(int x) {
    return x < 0 ? x + 1 : x;
  }
}
