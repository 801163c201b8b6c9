package org.excamera.codec.loopfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lane helpers of {@link PackedLanes}, exhaustively over the ranges the kernels use, each value
 * tried in every lane next to random neighbours (so a carry or borrow across lanes shows).
 */
class PackedLanesTest {
  private static final long SEED = 0x1A_4E5L;

  /** {@code v} in lane {@code lane}, random values of 0..{@code max} in the others. */
  private static long around(Random random, int lane, int v, int max) {
    long x = 0;
    for (int i = 0; i < 4; i++) {
      long value = i == lane ? v : random.nextInt(max + 1);
      x |= value << (16 * i);
    }
    return x;
  }

  private static int lane(long x, int lane) {
    return (int) ((x >>> (16 * lane)) & 0xFFFF);
  }

  @Test
  void absDiffAndExceedsOverAllBytePairs() {
    Random random = new Random(SEED);
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        int lane = (a + b) & 3;
        long la = around(random, lane, a, 255);
        long lb = around(random, lane, b, 255);
        assertEquals(Math.abs(a - b), lane(PackedLanes.absDiff(la, lb), lane), a + " - " + b);
        for (int limit : new int[] {0, 1, 2, 3, 9, 63, 127, 193}) {
          long flags = PackedLanes.exceeds(la, lb, PackedEdgeFilters.bias(limit));
          assertEquals(
              Math.abs(a - b) > limit,
              (lane(flags, lane) & 0x8000) != 0,
              "|%d - %d| > %d".formatted(a, b, limit));
        }
      }
    }
  }

  @Test
  void clampsOverTheirWholeRanges() {
    Random random = new Random(SEED);
    for (int u = -256; u < 512; u++) {
      int lane = u & 3;
      long x = around(random, lane, u + 256, 767);
      assertEquals(Math.max(0, Math.min(255, u)), lane(PackedLanes.clampByte(x), lane), "u " + u);
    }
    for (int u = -1024; u < 2048; u++) {
      int lane = u & 3;
      long x = around(random, lane, u + 1024, 3071);
      assertEquals(Math.max(0, Math.min(255, u)), lane(PackedLanes.clampWide(x), lane), "u " + u);
    }
  }

  @Test
  void shiftedTapIsTheClampedShift() {
    Random random = new Random(SEED);
    for (int t = 0; t < 260; t++) {
      int lane = t & 3;
      long x = around(random, lane, t, 259);
      int expected = (Math.min(t - 128, 127) >> 3) + 16;
      assertEquals(expected, lane(PackedLanes.shiftedTap(x), lane), "t " + t);
    }
  }

  @Test
  void maskSelectAndRepackKeepTheirLanes() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 1000; trial++) {
      long a = random.nextLong();
      long b = random.nextLong();
      long flags = random.nextLong();
      long m = PackedLanes.mask(flags);
      long s = PackedLanes.select(m, a, b);
      for (int lane = 0; lane < 4; lane++) {
        boolean set = (lane(flags, lane) & 0x8000) != 0;
        assertEquals(set ? 0xFFFF : 0, lane(m, lane), "mask lane " + lane);
        assertEquals(lane(set ? a : b, lane), lane(s, lane), "select lane " + lane);
      }
      for (int shift : new int[] {0, 8}) {
        long r = PackedLanes.repack(b, shift, PackedLanes.unpack(a, shift));
        for (int k = 0; k < 8; k++) {
          long from = (k % 2 == shift / 8) ? a : b;
          assertEquals((from >>> (8 * k)) & 0xFF, (r >>> (8 * k)) & 0xFF, "repack byte " + k);
        }
      }
    }
  }

  @Test
  void transposeSwapsRowsAndColumns() {
    Random random = new Random(SEED);
    long[] g = new long[8];
    for (int i = 0; i < 8; i++) {
      g[i] = random.nextLong();
    }
    long[] t = g.clone();
    PackedLanes.transpose(t);
    for (int j = 0; j < 8; j++) {
      for (int k = 0; k < 8; k++) {
        assertEquals((g[j] >>> (8 * k)) & 0xFF, (t[k] >>> (8 * j)) & 0xFF, "byte " + j + "," + k);
      }
    }
  }
}
