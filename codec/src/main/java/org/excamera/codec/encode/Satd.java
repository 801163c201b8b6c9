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
    int t0 = 0;
    int t1 = 0;
    int t2 = 0;
    int t3 = 0;
    int t4 = 0;
    int t5 = 0;
    int t6 = 0;
    int t7 = 0;
    int t8 = 0;
    int t9 = 0;
    int t10 = 0;
    int t11 = 0;
    int t12 = 0;
    int t13 = 0;
    int t14 = 0;
    int t15 = 0;
    for (int r = 0; r < 4; r++) {
      int i = aOff + r * aStride;
      int j = bOff + r * bStride;
      int d0 = (a[i] & 0xFF) - (b[j] & 0xFF);
      int d1 = (a[i + 1] & 0xFF) - (b[j + 1] & 0xFF);
      int d2 = (a[i + 2] & 0xFF) - (b[j + 2] & 0xFF);
      int d3 = (a[i + 3] & 0xFF) - (b[j + 3] & 0xFF);
      int s01 = d0 + d1;
      int m01 = d0 - d1;
      int s23 = d2 + d3;
      int m23 = d2 - d3;
      int h0 = s01 + s23;
      int h1 = m01 + m23;
      int h2 = s01 - s23;
      int h3 = m01 - m23;
      switch (r) {
        case 0 -> {
          t0 = h0;
          t1 = h1;
          t2 = h2;
          t3 = h3;
        }
        case 1 -> {
          t4 = h0;
          t5 = h1;
          t6 = h2;
          t7 = h3;
        }
        case 2 -> {
          t8 = h0;
          t9 = h1;
          t10 = h2;
          t11 = h3;
        }
        default -> {
          t12 = h0;
          t13 = h1;
          t14 = h2;
          t15 = h3;
        }
      }
    }
    return column(t0, t4, t8, t12)
        + column(t1, t5, t9, t13)
        + column(t2, t6, t10, t14)
        + column(t3, t7, t11, t15);
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
