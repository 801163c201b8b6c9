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
    // The rows' outputs stay in locals (cast to 16 bits as libvpx stores them), so the column pass
    // reads no memory: as fast again as going through the output array.
    int i = inOff;
    int r00 = row0(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r01 = row1(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r02 = row2(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r03 = row3(in[i], in[i + 1], in[i + 2], in[i + 3]);
    i += inStride;
    int r10 = row0(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r11 = row1(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r12 = row2(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r13 = row3(in[i], in[i + 1], in[i + 2], in[i + 3]);
    i += inStride;
    int r20 = row0(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r21 = row1(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r22 = row2(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r23 = row3(in[i], in[i + 1], in[i + 2], in[i + 3]);
    i += inStride;
    int r30 = row0(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r31 = row1(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r32 = row2(in[i], in[i + 1], in[i + 2], in[i + 3]);
    int r33 = row3(in[i], in[i + 1], in[i + 2], in[i + 3]);
    column(r00, r10, r20, r30, out, outOff);
    column(r01, r11, r21, r31, out, outOff + 1);
    column(r02, r12, r22, r32, out, outOff + 2);
    column(r03, r13, r23, r33, out, outOff + 3);
  }

  private static int row0(int x0, int x1, int x2, int x3) {
    return (short) (((x0 + x3) + (x1 + x2)) * 8);
  }

  private static int row2(int x0, int x1, int x2, int x3) {
    return (short) (((x0 + x3) - (x1 + x2)) * 8);
  }

  private static int row1(int x0, int x1, int x2, int x3) {
    int c1 = (x1 - x2) * 8;
    int d1 = (x0 - x3) * 8;
    return (short) ((c1 * 2217 + d1 * 5352 + 14500) >> 12);
  }

  private static int row3(int x0, int x1, int x2, int x3) {
    int c1 = (x1 - x2) * 8;
    int d1 = (x0 - x3) * 8;
    return (short) ((d1 * 2217 - c1 * 5352 + 7500) >> 12);
  }

  /**
   * The column pass over one column's four row outputs, into raster positions o, o+4, o+8, o+12.
   */
  private static void column(int x0, int x1, int x2, int x3, short[] out, int o) {
    int a1 = x0 + x3;
    int b1 = x1 + x2;
    int c1 = x1 - x2;
    int d1 = x0 - x3;
    out[o] = (short) ((a1 + b1 + 7) >> 4);
    out[o + 8] = (short) ((a1 - b1 + 7) >> 4);
    out[o + 4] = (short) (((c1 * 2217 + d1 * 5352 + 12000) >> 16) + (d1 != 0 ? 1 : 0));
    out[o + 12] = (short) ((d1 * 2217 - c1 * 5352 + 51000) >> 16);
  }
}
