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
   * Transforms the 4×4 residual {@code a − b} of the blocks at {@code a[aOff]} and {@code b[bOff]}
   * (row r at {@code aOff + r·aStride}, samples 0..255) into 16 coefficients in raster order at
   * {@code out[outOff..outOff+15]}.
   */
  public static void fdct4x4(
      byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, short[] out, int outOff) {
    // The differences and the rows' outputs stay in locals (cast to 16 bits as libvpx stores them),
    // so neither a residual buffer nor the column pass touches memory.
    int i = aOff;
    int j = bOff;
    int x0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    int x1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    int x2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    int x3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r00 = row0(x0, x1, x2, x3);
    int r01 = row1(x0, x1, x2, x3);
    int r02 = row2(x0, x1, x2, x3);
    int r03 = row3(x0, x1, x2, x3);
    i += aStride;
    j += bStride;
    x0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    x1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    x2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    x3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r10 = row0(x0, x1, x2, x3);
    int r11 = row1(x0, x1, x2, x3);
    int r12 = row2(x0, x1, x2, x3);
    int r13 = row3(x0, x1, x2, x3);
    i += aStride;
    j += bStride;
    x0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    x1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    x2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    x3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r20 = row0(x0, x1, x2, x3);
    int r21 = row1(x0, x1, x2, x3);
    int r22 = row2(x0, x1, x2, x3);
    int r23 = row3(x0, x1, x2, x3);
    i += aStride;
    j += bStride;
    x0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    x1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    x2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    x3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r30 = row0(x0, x1, x2, x3);
    int r31 = row1(x0, x1, x2, x3);
    int r32 = row2(x0, x1, x2, x3);
    int r33 = row3(x0, x1, x2, x3);
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
