package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForwardTransformTest {
  private static final long SEED = 0x5EED_0001L;

  /** libvpx's fdct written plainly over a 4×4 matrix, one formula per output. */
  static short[] referenceFdct(int[][] x) {
    int[][] t = new int[4][4];
    for (int r = 0; r < 4; r++) {
      int a = (x[r][0] + x[r][3]) * 8;
      int b = (x[r][1] + x[r][2]) * 8;
      int c = (x[r][1] - x[r][2]) * 8;
      int d = (x[r][0] - x[r][3]) * 8;
      t[r][0] = (short) (a + b);
      t[r][1] = (short) ((c * 2217 + d * 5352 + 14500) >> 12);
      t[r][2] = (short) (a - b);
      t[r][3] = (short) ((d * 2217 - c * 5352 + 7500) >> 12);
    }
    short[] out = new short[16];
    for (int col = 0; col < 4; col++) {
      int a = t[0][col] + t[3][col];
      int b = t[1][col] + t[2][col];
      int c = t[1][col] - t[2][col];
      int d = t[0][col] - t[3][col];
      out[col] = (short) ((a + b + 7) >> 4);
      out[4 + col] = (short) (((c * 2217 + d * 5352 + 12000) >> 16) + (d != 0 ? 1 : 0));
      out[8 + col] = (short) ((a - b + 7) >> 4);
      out[12 + col] = (short) ((d * 2217 - c * 5352 + 51000) >> 16);
    }
    return out;
  }

  /** libvpx's Walsh transform written plainly over a 4×4 matrix. */
  static short[] referenceWht(int[][] x) {
    int[][] t = new int[4][4];
    for (int r = 0; r < 4; r++) {
      int a = (x[r][0] + x[r][2]) * 4;
      int d = (x[r][1] + x[r][3]) * 4;
      int c = (x[r][1] - x[r][3]) * 4;
      int b = (x[r][0] - x[r][2]) * 4;
      t[r][0] = (short) (a + d + (a != 0 ? 1 : 0));
      t[r][1] = (short) (b + c);
      t[r][2] = (short) (b - c);
      t[r][3] = (short) (a - d);
    }
    short[] out = new short[16];
    for (int col = 0; col < 4; col++) {
      int a = t[0][col] + t[2][col];
      int d = t[1][col] + t[3][col];
      int c = t[1][col] - t[3][col];
      int b = t[0][col] - t[2][col];
      int[] sums = {a + d, b + c, b - c, a - d};
      for (int k = 0; k < 4; k++) {
        int s = sums[k] < 0 ? sums[k] + 1 : sums[k];
        out[4 * k + col] = (short) ((s + 3) >> 3);
      }
    }
    return out;
  }

  private static int[][] randomBlock(Random random, int trial) {
    int[][] x = new int[4][4];
    int kind = trial % 4;
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        x[r][c] =
            switch (kind) {
              case 0 -> random.nextInt(511) - 255; // any residual
              case 1 -> random.nextBoolean() ? 255 : -255; // clamping extremes
              case 2 -> random.nextInt(7) - 3; // near flat
              default -> (r * 4 + c) * (random.nextInt(31) - 15); // ramps
            };
      }
    }
    return x;
  }

  private static short[] strided(int[][] x, int stride, int offset) {
    short[] s = new short[offset + 4 * stride];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        s[offset + r * stride + c] = (short) x[r][c];
      }
    }
    return s;
  }

  /**
   * {@link ForwardDct#fdct4x4} of residual {@code x} (each value −255..255) laid out as a target
   * and a prediction block at {@code offset} with row stride {@code stride}: the target holds the
   * positive part, the prediction the negative part.
   */
  static void fdct(int[][] x, int stride, int offset, short[] out, int outOff) {
    byte[] target = new byte[offset + 4 * stride];
    byte[] prediction = new byte[offset + 4 * stride];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        int v = x[r][c];
        target[offset + r * stride + c] = (byte) Math.max(v, 0);
        prediction[offset + r * stride + c] = (byte) Math.max(-v, 0);
      }
    }
    ForwardDct.fdct4x4(target, offset, stride, prediction, offset, stride, out, outOff);
  }

  @Test
  void fdctMatchesReferenceOnRandomBlocks() {
    Random random = new Random(SEED);
    short[] out = new short[20];
    for (int trial = 0; trial < 20_000; trial++) {
      int[][] x = randomBlock(random, trial);
      fdct(x, 16, 3, out, 4);
      short[] got = java.util.Arrays.copyOfRange(out, 4, 20);
      assertArrayEquals(referenceFdct(x), got, "seed " + SEED + " trial " + trial);
    }
  }

  @Test
  void fdctRoundTripsThroughTheRfcIdct() {
    Random random = new Random(SEED + 1);
    int worst = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      int[][] x = randomBlock(random, trial);
      short[] coeff = new short[16];
      fdct(x, 4, 0, coeff, 0);
      short[] back = RfcInverseTransforms.idct(coeff);
      for (int i = 0; i < 16; i++) {
        worst = Math.max(worst, Math.abs(back[i] - x[i / 4][i % 4]));
      }
    }
    assertTrue(worst <= 1, "seed " + (SEED + 1) + ": round-trip error " + worst);
  }

  @Test
  void fdctOfZerosHasLibvpxsStrayCoefficient() {
    short[] out = new short[16];
    fdct(new int[4][4], 4, 0, out, 0);
    short[] expected = new short[16];
    expected[1] = 1;
    assertArrayEquals(expected, out);
  }

  @Test
  void fdctOfFlatBlockIsEightTimesTheValueAtDc() {
    int[][] in = new int[4][4];
    for (int[] row : in) {
      java.util.Arrays.fill(row, 10);
    }
    short[] out = new short[16];
    fdct(in, 4, 0, out, 0);
    short[] expected = new short[16];
    expected[0] = 80;
    expected[1] = 1;
    assertArrayEquals(expected, out);
  }

  @Test
  void whtMatchesReferenceAndRoundTrips() {
    Random random = new Random(SEED + 2);
    int worst = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      int[][] x = new int[4][4];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          // DC coefficients of luma blocks lie in about -2040..2040
          x[r][c] = trial % 3 == 0 ? random.nextInt(4081) - 2040 : random.nextInt(41) - 20;
        }
      }
      short[] out = new short[16];
      ForwardWht.fwht4x4(strided(x, 5, 2), 2, 5, out, 0);
      assertArrayEquals(referenceWht(x), out, "seed " + (SEED + 2) + " trial " + trial);
      short[] back = RfcInverseTransforms.iwalsh(out);
      for (int i = 0; i < 16; i++) {
        worst = Math.max(worst, Math.abs(back[i] - x[i / 4][i % 4]));
      }
    }
    assertTrue(worst <= 1, "seed " + (SEED + 2) + ": WHT round-trip error " + worst);
  }

  @Test
  void whtOfConstantDcs() {
    short[] in = new short[16];
    java.util.Arrays.fill(in, (short) 100);
    short[] out = new short[16];
    ForwardWht.fwht4x4(in, 0, 4, out, 0);
    // rows: 800 + 800 + 1 = 1601; columns: (4·1601 + 3) >> 3 = 800
    short[] expected = new short[16];
    expected[0] = 800;
    assertArrayEquals(expected, out);
    assertArrayEquals(in, RfcInverseTransforms.iwalsh(out));
  }
}
