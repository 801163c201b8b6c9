package org.excamera.codec.loopfilter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.excamera.codec.loopfilter.Rfc6386EdgeFilter.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * The packed edge kernels against {@link Rfc6386EdgeFilter}, for every loop filter level, sharpness
 * and frame type, across horizontal and vertical edges of 8 and 16 positions. Each position of an
 * edge gets its own kind of segment (random, smooth around the interior limit, a step around the
 * edge limit, flat, near 0 and 255, around the hev threshold), so the lanes of one packed group
 * take different branches.
 */
class PackedEdgeFiltersTest {
  private static final long SEED = 0x10_0F_11_7EL;
  private static final int STRIDE = 32;
  private static final int EDGE = 16; // the edge lies before row or column 16
  private static final int FIRST = 8; // positions along the edge start here

  enum Filter {
    MACROBLOCK,
    SUBBLOCK,
    SIMPLE
  }

  /** A kernel under test: filters {@code count} positions of one edge. */
  interface Kernel {
    void filter(byte[] d, Filter f, boolean vertical, int count, Thresholds t, int edgeLimit);
  }

  private static final Kernel PACKED =
      (d, f, vertical, count, t, e) -> {
        long[] g = new long[PackedEdgeFilters.SCRATCH];
        long eb = PackedEdgeFilters.edgeBias(e);
        long ib = PackedEdgeFilters.bias(t.interiorLimit());
        long hb = PackedEdgeFilters.bias(t.hevThreshold());
        int off = vertical ? FIRST * STRIDE + EDGE : EDGE * STRIDE + FIRST;
        int filter =
            switch (f) {
              case MACROBLOCK -> PackedEdgeFilters.MACROBLOCK;
              case SUBBLOCK -> PackedEdgeFilters.SUBBLOCK;
              case SIMPLE -> PackedEdgeFilters.SIMPLE;
            };
        if (vertical) {
          PackedEdgeFilters.vertical(d, off, STRIDE, count, filter, eb, ib, hb, g);
        } else {
          PackedEdgeFilters.horizontal(d, off, STRIDE, count, filter, eb, ib, hb, g);
        }
      };

  /** How often the reference took each branch, so that the inputs demonstrably reach them. */
  private static final class Reached {
    long masked;
    long filteredHev;
    long filteredLowVariance;
    long clampedLow;
    long clampedHigh;
  }

  @Test
  void packedKernelsMatchTheRfcFilters() {
    Reached reached = sweep(PACKED, "packed");
    assertBranchesReached(reached);
  }

  private static void assertBranchesReached(Reached r) {
    assertTrue(r.masked > 1000, "mask failures: " + r.masked);
    assertTrue(r.filteredHev > 1000, "high edge variance positions: " + r.filteredHev);
    assertTrue(
        r.filteredLowVariance > 1000, "low edge variance positions: " + r.filteredLowVariance);
    assertTrue(r.clampedLow > 100, "outputs clamped to 0: " + r.clampedLow);
    assertTrue(r.clampedHigh > 100, "outputs clamped to 255: " + r.clampedHigh);
  }

  private static Reached sweep(Kernel kernel, String name) {
    Random random = new Random(SEED);
    Reached reached = new Reached();
    for (int level = 1; level < 64; level++) {
      for (int sharpness = 0; sharpness < 8; sharpness++) {
        for (boolean key : new boolean[] {true, false}) {
          Thresholds t = Thresholds.of(level, sharpness, key);
          for (Filter f : Filter.values()) {
            for (boolean vertical : new boolean[] {false, true}) {
              for (int count : new int[] {8, 16}) {
                for (int edgeLimit : new int[] {t.mbEdgeLimit(), t.subBedgeLimit()}) {
                  int lvl = level;
                  int sharp = sharpness;
                  Supplier<String> where =
                      () ->
                          ("%s kernel, seed %x, level %d, sharpness %d, %s frame, %s %s edge of %d,"
                                  + " edge limit %d, interior limit %d, hev threshold %d")
                              .formatted(
                                  name,
                                  SEED,
                                  lvl,
                                  sharp,
                                  key ? "key" : "inter",
                                  f,
                                  vertical ? "vertical" : "horizontal",
                                  count,
                                  edgeLimit,
                                  t.interiorLimit(),
                                  t.hevThreshold());
                  check(kernel, random, f, vertical, count, t, edgeLimit, where, reached);
                }
              }
            }
          }
        }
      }
    }
    return reached;
  }

  private static void check(
      Kernel kernel,
      Random random,
      Filter f,
      boolean vertical,
      int count,
      Thresholds t,
      int edgeLimit,
      Supplier<String> where,
      Reached reached) {
    byte[] input = new byte[STRIDE * STRIDE];
    random.nextBytes(input);
    int across = vertical ? 1 : STRIDE;
    for (int i = 0; i < count; i++) {
      int at = position(vertical, i);
      fillSegment(random, input, at, across, t, edgeLimit);
    }
    byte[] expected = input.clone();
    for (int i = 0; i < count; i++) {
      int at = position(vertical, i);
      byte[] before = expected.clone();
      boolean yes =
          f == Filter.SIMPLE
              ? simpleYes(expected, at, across, edgeLimit)
              : Rfc6386EdgeFilter.filterYes(t.interiorLimit(), edgeLimit, expected, at, across);
      boolean hv = Rfc6386EdgeFilter.hev(t.hevThreshold(), expected, at, across);
      switch (f) {
        case MACROBLOCK ->
            Rfc6386EdgeFilter.mbFilter(
                t.hevThreshold(), t.interiorLimit(), edgeLimit, expected, at, across);
        case SUBBLOCK ->
            Rfc6386EdgeFilter.subblockFilter(
                t.hevThreshold(), t.interiorLimit(), edgeLimit, expected, at, across);
        case SIMPLE -> Rfc6386EdgeFilter.simpleSegment(edgeLimit, expected, at, across);
      }
      if (!yes) {
        reached.masked++;
      } else if (hv) {
        reached.filteredHev++;
      } else {
        reached.filteredLowVariance++;
      }
      for (int k = -4; k < 4; k++) {
        int o = at + k * across;
        if (expected[o] != before[o] && expected[o] == 0) {
          reached.clampedLow++;
        }
        if (expected[o] != before[o] && expected[o] == (byte) 255) {
          reached.clampedHigh++;
        }
      }
    }
    byte[] actual = input.clone();
    kernel.filter(actual, f, vertical, count, t, edgeLimit);
    if (!Arrays.equals(expected, actual)) {
      int o = Arrays.mismatch(expected, actual);
      int row = o / STRIDE;
      int col = o % STRIDE;
      int position = vertical ? row - FIRST : col - FIRST;
      int at = position(vertical, position);
      StringBuilder segment = new StringBuilder();
      for (int k = -4; k < 4; k++) {
        segment.append(' ').append(input[at + k * across] & 0xFF);
      }
      fail(
          ("%s: pixel (row %d, column %d) is %d, the RFC filter gives %d; position %d along"
                  + " the edge, its segment p3..q3 was%s")
              .formatted(
                  where.get(), row, col, actual[o] & 0xFF, expected[o] & 0xFF, position, segment));
    }
  }

  private static boolean simpleYes(byte[] d, int at, int step, int edgeLimit) {
    int p1 = d[at - 2 * step] & 0xFF;
    int p0 = d[at - step] & 0xFF;
    int q0 = d[at] & 0xFF;
    int q1 = d[at + step] & 0xFF;
    return Math.abs(p0 - q0) * 2 + Math.abs(p1 - q1) / 2 <= edgeLimit;
  }

  private static int position(boolean vertical, int i) {
    return vertical ? (FIRST + i) * STRIDE + EDGE : EDGE * STRIDE + FIRST + i;
  }

  /** Writes p3..q3 of one segment, of a kind picked at random. */
  private static void fillSegment(
      Random random, byte[] d, int at, int step, Thresholds t, int edgeLimit) {
    int[] v = new int[8];
    int il = t.interiorLimit();
    switch (random.nextInt(7)) {
      case 0 -> {
        for (int k = 0; k < 8; k++) {
          v[k] = random.nextInt(256);
        }
      }
      case 1 -> {
        // Smooth: steps up to one past the interior limit, so the mask passes or just fails.
        v[0] = random.nextInt(256);
        for (int k = 1; k < 8; k++) {
          v[k] = v[k - 1] + random.nextInt(2 * il + 3) - il - 1;
        }
      }
      case 2, 3 -> {
        // A step at the edge around the edge limit, flat within the limit on either side; the
        // sides are often near 0 or 255 so that the outputs clamp.
        int jump = edgeLimit / 2 + random.nextInt(5) - 2;
        int base = random.nextBoolean() ? random.nextInt(40) : 255 - jump - random.nextInt(40);
        boolean up = random.nextBoolean();
        for (int k = 0; k < 8; k++) {
          int side = (k < 4) == up ? base : base + jump;
          v[k] = side + random.nextInt(il + 1) - il / 2;
        }
      }
      case 4 -> {
        // Flat at the edge (p0 = q0, p1 = q1), anything further out.
        for (int k = 0; k < 8; k++) {
          v[k] = random.nextInt(256);
        }
        v[4] = v[3];
        v[5] = v[2];
      }
      case 5 -> {
        // Extremes.
        int[] extremes = {0, 1, 2, 3, 127, 128, 252, 253, 254, 255};
        for (int k = 0; k < 8; k++) {
          v[k] = extremes[random.nextInt(extremes.length)];
        }
      }
      default -> {
        // Around the hev threshold next to the edge, small elsewhere.
        int h = t.hevThreshold();
        int centre = random.nextInt(256);
        v[3] = centre;
        v[4] = centre + random.nextInt(2 * edgeLimit / 3 + 1) - edgeLimit / 3;
        v[2] = v[3] + (random.nextBoolean() ? 1 : -1) * (h + random.nextInt(2));
        v[5] = v[4] + (random.nextBoolean() ? 1 : -1) * (h + random.nextInt(2));
        v[1] = v[2] + random.nextInt(3) - 1;
        v[0] = v[1] + random.nextInt(3) - 1;
        v[6] = v[5] + random.nextInt(3) - 1;
        v[7] = v[6] + random.nextInt(3) - 1;
      }
    }
    for (int k = 0; k < 8; k++) {
      d[at + (k - 4) * step] = (byte) Math.max(0, Math.min(255, v[k]));
    }
  }
}
