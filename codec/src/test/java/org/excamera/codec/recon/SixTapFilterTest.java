package org.excamera.codec.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.Random;
import org.excamera.codec.simd.VectorKernels;
import org.excamera.codec.tables.FilterTaps;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window six-tap kernels against the plain per-pixel formula of RFC 6386 §18.3 (two
 * dimensions: horizontal pass over h + 5 rows, clamped to 8 bits, then vertical), for every
 * fraction pair and block size, on random, alternating, smooth and extreme inputs; sizes 8 and 16
 * take the passes this JVM chose, the packed ones and the Vector API ones (where the module is
 * present), size 4 the scalar kernels.
 */
class SixTapFilterTest {
  private static final int[] TAPS = FilterTaps.sixtapFilters();
  private static final int STRIDE = 40;

  @Test
  void chosenKernelsMatchThePlainFormula() {
    sweep(SixTapFilterTest::predicted);
  }

  @Test
  void packedPassesMatchThePlainFormula() {
    sweep(withPasses(SixTapKernels.PACKED));
  }

  @Test
  void vectorPassesMatchThePlainFormula() {
    assumeTrue(
        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector is not in this JVM (run with --add-modules jdk.incubator.vector);"
            + " the Vector API six-tap passes are NOT tested");
    sweep(withPasses(SixTapKernels.vector().orElseThrow()));
  }

  @Test
  void vectorPassesAreChosenWhereTheModuleIsPresent() {
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if ("absent".equals(System.getProperty("excamera.test.vectorModule"))) {
      assertFalse(present, "the run without the Vector API must not have the module");
    }
    Optional<SixTapPasses> vector = SixTapKernels.vector();
    assertEquals(present, vector.isPresent(), "vector passes made iff the module is present");
    boolean expected =
        present && Boolean.getBoolean(VectorKernels.ENABLE_PROPERTY) && SixTapKernels.runsFast();
    assertEquals(
        expected,
        SixTapKernels.CHOSEN != SixTapKernels.PACKED,
        "module present: %b; chosen: %s".formatted(present, SixTapKernels.CHOSEN));
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
    byte[] scratch = new byte[size * (size + 5)];
    SixTapFilter.predict(src, 8 * STRIDE + 8, STRIDE, mx, my, size, size, scratch, out, 0, size);
    return out;
  }

  /** {@link SixTapFilter#predict} with these passes for sizes 8 and 16; the scalar kernels else. */
  private static Kernels withPasses(SixTapPasses passes) {
    return (src, mx, my, size) -> {
      if (size % 8 != 0 || (mx | my) == 0) {
        return predicted(src, mx, my, size);
      }
      byte[] out = new byte[size * size];
      byte[] scratch = new byte[size * (size + 5)];
      int off = 8 * STRIDE + 8;
      SixTapFilter.packed(passes, src, off, STRIDE, mx, my, size, size, scratch, out, 0, size);
      return out;
    };
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
