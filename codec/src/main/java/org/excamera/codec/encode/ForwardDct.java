package org.excamera.codec.encode;

/**
 * The forward 4×4 DCT of the VP8 encoder, bit-exact with libvpx's {@code vp8_short_fdct4x4_c}: the
 * integer approximation whose inverse is RFC 6386 §14.3's IDCT. Rows first (inputs scaled by 8, the
 * odd outputs rounded with +14500 and +7500 before {@code >> 12}), then columns ({@code +7 >> 4}
 * for the even outputs, {@code +12000 >> 16} plus one when {@code d1 != 0} and {@code +51000 >> 16}
 * for the odd ones). Intermediate values are kept to 16 bits as libvpx's {@code short} buffer does.
 *
 * <p>A quirk kept on purpose: an all-zero residual yields coefficient 1 at raster position 1 (14500
 * >> 12 = 3 in every row, then (3·4 + 7) >> 4 = 1); the quantizer's zero bin removes it.
 */
public final class ForwardDct {
  private ForwardDct() {}

  /**
   * Transforms the 4×4 residual at {@code in[inOff]} (row r at {@code inOff + r·inStride}) into 16
   * coefficients in raster order at {@code out[outOff..outOff+15]}. {@code in} and {@code out} may
   * be the same array only if the regions do not overlap.
   */
  public static void fdct4x4(short[] in, int inOff, int inStride, short[] out, int outOff) {
    for (int r = 0; r < 4; r++) {
      int i = inOff + r * inStride;
      int a1 = (in[i] + in[i + 3]) * 8;
      int b1 = (in[i + 1] + in[i + 2]) * 8;
      int c1 = (in[i + 1] - in[i + 2]) * 8;
      int d1 = (in[i] - in[i + 3]) * 8;
      int o = outOff + 4 * r;
      out[o] = (short) (a1 + b1);
      out[o + 2] = (short) (a1 - b1);
      out[o + 1] = (short) ((c1 * 2217 + d1 * 5352 + 14500) >> 12);
      out[o + 3] = (short) ((d1 * 2217 - c1 * 5352 + 7500) >> 12);
    }
    for (int c = 0; c < 4; c++) {
      int o = outOff + c;
      int a1 = out[o] + out[o + 12];
      int b1 = out[o + 4] + out[o + 8];
      int c1 = out[o + 4] - out[o + 8];
      int d1 = out[o] - out[o + 12];
      out[o] = (short) ((a1 + b1 + 7) >> 4);
      out[o + 8] = (short) ((a1 - b1 + 7) >> 4);
      out[o + 4] = (short) (((c1 * 2217 + d1 * 5352 + 12000) >> 16) + (d1 != 0 ? 1 : 0));
      out[o + 12] = (short) ((d1 * 2217 - c1 * 5352 + 51000) >> 16);
    }
  }
}
