package org.excamera.codec.encode;

/**
 * The inverse transforms of RFC 6386 §14.3 and §14.4, for round-trip checks of the forward ones.
 */
final class RfcInverseTransforms {
  private RfcInverseTransforms() {}

  private static final int COS_PI8_SQRT2_MINUS1 = 20091;
  private static final int SIN_PI8_SQRT2 = 35468;

  /** {@code short_idct4x4llm_c}: 16 raster coefficients to a 4×4 residual (raster). */
  static short[] idct(short[] in) {
    int[] tmp = new int[16];
    for (int i = 0; i < 4; i++) {
      int a1 = in[i] + in[8 + i];
      int b1 = in[i] - in[8 + i];
      int c1 =
          (in[4 + i] * SIN_PI8_SQRT2 >> 16)
              - (in[12 + i] + (in[12 + i] * COS_PI8_SQRT2_MINUS1 >> 16));
      int d1 =
          (in[4 + i] + (in[4 + i] * COS_PI8_SQRT2_MINUS1 >> 16))
              + (in[12 + i] * SIN_PI8_SQRT2 >> 16);
      tmp[i] = (short) (a1 + d1);
      tmp[12 + i] = (short) (a1 - d1);
      tmp[4 + i] = (short) (b1 + c1);
      tmp[8 + i] = (short) (b1 - c1);
    }
    short[] out = new short[16];
    for (int r = 0; r < 4; r++) {
      int[] ip = {tmp[4 * r], tmp[4 * r + 1], tmp[4 * r + 2], tmp[4 * r + 3]};
      int a1 = ip[0] + ip[2];
      int b1 = ip[0] - ip[2];
      int c1 = (ip[1] * SIN_PI8_SQRT2 >> 16) - (ip[3] + (ip[3] * COS_PI8_SQRT2_MINUS1 >> 16));
      int d1 = (ip[1] + (ip[1] * COS_PI8_SQRT2_MINUS1 >> 16)) + (ip[3] * SIN_PI8_SQRT2 >> 16);
      out[4 * r] = (short) ((a1 + d1 + 4) >> 3);
      out[4 * r + 3] = (short) ((a1 - d1 + 4) >> 3);
      out[4 * r + 1] = (short) ((b1 + c1 + 4) >> 3);
      out[4 * r + 2] = (short) ((b1 - c1 + 4) >> 3);
    }
    return out;
  }

  /** {@code vp8_short_inv_walsh4x4_c}: 16 raster Y2 coefficients to the 16 luma DCs. */
  static short[] iwalsh(short[] in) {
    int[] tmp = new int[16];
    for (int i = 0; i < 4; i++) {
      int a1 = in[i] + in[12 + i];
      int b1 = in[4 + i] + in[8 + i];
      int c1 = in[4 + i] - in[8 + i];
      int d1 = in[i] - in[12 + i];
      tmp[i] = (short) (a1 + b1);
      tmp[4 + i] = (short) (c1 + d1);
      tmp[8 + i] = (short) (a1 - b1);
      tmp[12 + i] = (short) (d1 - c1);
    }
    short[] out = new short[16];
    for (int r = 0; r < 4; r++) {
      int a1 = tmp[4 * r] + tmp[4 * r + 3];
      int b1 = tmp[4 * r + 1] + tmp[4 * r + 2];
      int c1 = tmp[4 * r + 1] - tmp[4 * r + 2];
      int d1 = tmp[4 * r] - tmp[4 * r + 3];
      out[4 * r] = (short) ((a1 + b1 + 3) >> 3);
      out[4 * r + 1] = (short) ((c1 + d1 + 3) >> 3);
      out[4 * r + 2] = (short) ((a1 - b1 + 3) >> 3);
      out[4 * r + 3] = (short) ((d1 - c1 + 3) >> 3);
    }
    return out;
  }
}
