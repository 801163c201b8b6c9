package org.excamera.codec.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed DC-only add of two blocks against the scalar {@link InverseTransform#dcOnlyAdd} on
 * each, for DCs across the whole 16-bit range (clamping at both ends, zero) and pixels random,
 * black, white and mid-grey.
 */
class PackedDcAddTest {
  private static final int STRIDE = 24;

  @Test
  void matchesTheScalarKernel() {
    long seed = 20261202L;
    Random random = new Random(seed);
    int[] special = {0, 1, -1, 4, -4, -5, 3, 2047, -2048, 32767, -32768, 65535, 1000, -1000};
    for (int trial = 0; trial < 2000; trial++) {
      byte[] pixels = new byte[STRIDE * 6];
      int fill = trial % 4;
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] =
            (byte)
                switch (fill) {
                  case 0 -> random.nextInt(256);
                  case 1 -> 0;
                  case 2 -> 255;
                  default -> 128 + random.nextInt(5) - 2;
                };
      }
      int left = trial < 200 ? special[trial % special.length] : random.nextInt(65536) - 32768;
      int right = random.nextBoolean() ? special[random.nextInt(special.length)] : left / 3;
      byte[] expected = pixels.clone();
      InverseTransform.dcOnlyAdd(left, expected, STRIDE + 2, STRIDE);
      InverseTransform.dcOnlyAdd(right, expected, STRIDE + 6, STRIDE);
      byte[] actual = pixels.clone();
      PackedDcAdd.add(actual, STRIDE + 2, STRIDE, left, right);
      assertArrayEquals(
          expected,
          actual,
          "seed %d trial %d dcs (%d, %d) fill %d".formatted(seed, trial, left, right, fill));
    }
  }
}
