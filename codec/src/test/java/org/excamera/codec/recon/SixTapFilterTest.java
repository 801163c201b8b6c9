package org.excamera.codec.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.simd.VectorKernels;
import org.excamera.codec.tables.FilterTaps;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window six-tap kernels against the plain per-pixel formula of RFC 6386 §18.3 (two
 * dimensions: horizontal pass over h + 5 rows, clamped to 8 bits, then vertical), for every
 * fraction pair and block size, on random, alternating, smooth and extreme inputs; sizes 8 and 16
 * take the Vector API passes where the JVM has the module (the default test run), else the packed
 * passes ({@link PackedSixTap}; the run without the module), size 4 the scalar kernels.
 */
class SixTapFilterTest {
  private static final int[] TAPS = FilterTaps.sixtapFilters();
  private static final int STRIDE = 40;

  @Test
  void kernelsMatchThePlainFormula() {
    sweep(SixTapFilterTest::predicted);
  }

  @Test
  void packedPassesMatchThePlainFormula() {
    // The JDK-only passes for 8- and 16-wide blocks, called directly, so that the default run
    // (where predict takes the Vector API passes) tests them too; size 4 has only scalar kernels.
    sweep(
        (src, mx, my, size) -> {
          if (size == 4) {
            return predicted(src, mx, my, size);
          }
          byte[] out = new byte[size * size];
          byte[] scratch = new byte[size * (size + 5)];
          SixTapFilter.packed(
              src, 8 * STRIDE + 8, STRIDE, mx, my, size, size, scratch, out, 0, size);
          return out;
        });
  }

  @Test
  void vectorPassesAreChosenWhereTheModuleIsPresent() {
    boolean expected = VectorKernels.enabled() && VectorKernels.runFast();
    assertTrue(
        (SixTapKernels.VECTOR != null) == expected,
        "module present: %b, not turned off: %b"
            .formatted(VectorKernels.modulePresent(), VectorKernels.enabled()));
  }

  /** A way to predict a {@code size} x {@code size} block. */
  private interface Kernels {
    byte[] predict(byte[] src, int mx, int my, int size);
  }

  private static void sweep(Kernels kernels) {
    long seed = 20261202L;
    Random random = new Random(seed);
    for (int trial = 0; trial < 4; trial++) {
      byte[] src = new byte[STRIDE * STRIDE];
      for (int i = 0; i < src.length; i++) {
        src[i] =
            (byte)
                switch (trial) {
                  case 0 -> random.nextInt(256);
                  case 1 -> ((i + i / STRIDE) & 1) * 255;
                  case 2 -> 100 + (i % STRIDE) * 2 + random.nextInt(8); // within range: no clamping

                  default -> random.nextBoolean() ? 0 : 255;
                };
      }
      for (int size : new int[] {4, 8, 16}) {
        for (int mx = 0; mx < 8; mx++) {
          for (int my = 0; my < 8; my++) {
            if ((mx | my) == 0) {
              continue;
            }
            byte[] expected = reference(src, mx, my, size);
            byte[] actual = kernels.predict(src, mx, my, size);
            String what = "seed %d trial %d size %d fraction (%d,%d)";
            assertArrayEquals(expected, actual, what.formatted(seed, trial, size, mx, my));
          }
        }
      }
    }
  }

  private static byte[] predicted(byte[] src, int mx, int my, int size) {
    byte[] out = new byte[size * size];
    byte[] scratch = new byte[SixTapPasses.scratchSize(size, size)];
    SixTapFilter.predict(src, 8 * STRIDE + 8, STRIDE, mx, my, size, size, scratch, out, 0, size);
    return out;
  }

  private static byte[] reference(byte[] src, int mx, int my, int size) {
    int[] first = new int[(size + 5) * size];
    for (int r = 0; r < size + 5; r++) {
      for (int c = 0; c < size; c++) {
        int s = (8 + r - 2) * STRIDE + 8 + c;
        int v = 64;
        for (int k = 0; k < 6; k++) {
          v += (src[s + k - 2] & 0xFF) * TAPS[mx * 6 + k];
        }
        first[r * size + c] = Math.min(255, Math.max(0, v >> 7));
      }
    }
    byte[] out = new byte[size * size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int v = 64;
        for (int k = 0; k < 6; k++) {
          v += first[(r + k) * size + c] * TAPS[my * 6 + k];
        }
        out[r * size + c] = (byte) Math.min(255, Math.max(0, v >> 7));
      }
    }
    return out;
  }
}
