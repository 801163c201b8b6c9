package org.excamera.codec.encode;

/**
 * Sum of absolute transformed differences: the absolute values of the 4×4 Walsh–Hadamard transform
 * of a block's residual, summed (unnormalised). A cheap estimate of how costly a residual is to
 * code, closer to the DCT's view than SAD; used to pre-select prediction modes before the full
 * rate-distortion test.
 */
final class Satd {
  private Satd() {}

  /** SATD of the 4×4 blocks at {@code a[aOff]} and {@code b[bOff]}. */
  static int satd4x4(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride) {
    // Rows: each row's differences transformed in place into four locals per row.
    int i = aOff;
    int j = bOff;
    int d0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    int d1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    int d2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    int d3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r00 = d0 + d1 + d2 + d3;
    int r01 = d0 - d1 + d2 - d3;
    int r02 = d0 + d1 - d2 - d3;
    int r03 = d0 - d1 - d2 + d3;
    i += aStride;
    j += bStride;
    d0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    d1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    d2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    d3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r10 = d0 + d1 + d2 + d3;
    int r11 = d0 - d1 + d2 - d3;
    int r12 = d0 + d1 - d2 - d3;
    int r13 = d0 - d1 - d2 + d3;
    i += aStride;
    j += bStride;
    d0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    d1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    d2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    d3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r20 = d0 + d1 + d2 + d3;
    int r21 = d0 - d1 + d2 - d3;
    int r22 = d0 + d1 - d2 - d3;
    int r23 = d0 - d1 - d2 + d3;
    i += aStride;
    j += bStride;
    d0 = (a[i] & 0xFF) - (b[j] & 0xFF);
    d1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
    d2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
    d3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
    int r30 = d0 + d1 + d2 + d3;
    int r31 = d0 - d1 + d2 - d3;
    int r32 = d0 + d1 - d2 - d3;
    int r33 = d0 - d1 - d2 + d3;
    return column(r00, r10, r20, r30)
        + column(r01, r11, r21, r31)
        + column(r02, r12, r22, r32)
        + column(r03, r13, r23, r33);
  }

  private static int column(int a, int b, int c, int d) {
    int s01 = a + b;
    int m01 = a - b;
    int s23 = c + d;
    int m23 = c - d;
    return Math.abs(s01 + s23) + Math.abs(m01 + m23) + Math.abs(s01 - s23) + Math.abs(m01 - m23);
  }

  /** SATD of two {@code n × n} blocks (n a multiple of 4): the sum over their 4×4 blocks. */
  static int satd(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, int n) {
    int sum = 0;
    for (int y = 0; y < n; y += 4) {
      for (int x = 0; x < n; x += 4) {
        sum += satd4x4(a, aOff + y * aStride + x, aStride, b, bOff + y * bStride + x, bStride);
      }
    }
    return sum;
  }
}
