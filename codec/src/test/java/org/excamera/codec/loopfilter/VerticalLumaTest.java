package org.excamera.codec.loopfilter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PackedEdgeFilters#verticalLuma}, which transposes a macroblock once for its four vertical
 * edges, against {@link PackedEdgeFilters#vertical} called edge by edge, on noisy blocks with
 * random steps so that edges are filtered, masked and flat.
 */
class VerticalLumaTest {
  private static final int STRIDE = 32;
  private static final int OFF = 8 * STRIDE + 8;

  @Test
  void matchesEdgeByEdgeFiltering() {
    Random random = new Random(0x5EED_1F);
    int[][] kinds = {
      {PackedEdgeFilters.MACROBLOCK, PackedEdgeFilters.SUBBLOCK},
      {PackedEdgeFilters.SIMPLE, PackedEdgeFilters.SIMPLE}
    };
    for (int trial = 0; trial < 3000; trial++) {
      byte[] d = block(random);
      int[] kind = kinds[trial % 2];
      boolean left = random.nextBoolean();
      long mbEdge = PackedEdgeFilters.edgeBias(random.nextInt(194));
      long subEdge = PackedEdgeFilters.edgeBias(random.nextInt(194));
      long interior = PackedEdgeFilters.bias(1 + random.nextInt(63));
      long hev = PackedEdgeFilters.bias(random.nextInt(3));
      byte[] expected = d.clone();
      long[] g = new long[PackedEdgeFilters.SCRATCH];
      if (left) {
        PackedEdgeFilters.vertical(expected, OFF, STRIDE, 16, kind[0], mbEdge, interior, hev, g);
      }
      for (int x = 4; x < 16; x += 4) {
        PackedEdgeFilters.vertical(
            expected, OFF + x, STRIDE, 16, kind[1], subEdge, interior, hev, g);
      }
      PackedEdgeFilters.verticalLuma(
          d, OFF, STRIDE, left, kind[0], mbEdge, kind[1], subEdge, interior, hev, g);
      assertArrayEquals(expected, d, "trial " + trial);
    }
  }

  /** Rows of a base level plus small noise, with a random step at some columns and rows. */
  private static byte[] block(Random random) {
    byte[] d = new byte[STRIDE * STRIDE];
    int noise = 1 + random.nextInt(8);
    for (int y = 0; y < STRIDE; y++) {
      int level = random.nextInt(256);
      for (int x = 0; x < STRIDE; x++) {
        if (random.nextInt(6) == 0) {
          level = random.nextInt(256);
        }
        int v = level + random.nextInt(2 * noise + 1) - noise;
        d[y * STRIDE + x] = (byte) Math.max(0, Math.min(255, v));
      }
    }
    if (random.nextInt(4) == 0) {
      for (int y = 8; y < 24; y++) {
        System.arraycopy(d, 8 * STRIDE, d, y * STRIDE, STRIDE); // identical rows
      }
    }
    return d;
  }
}
