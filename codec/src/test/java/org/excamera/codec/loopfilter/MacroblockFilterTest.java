package org.excamera.codec.loopfilter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.excamera.codec.loopfilter.Rfc6386EdgeFilter.Thresholds;
import org.excamera.codec.simd.VectorKernels;
import org.junit.jupiter.api.Test;

/**
 * Both {@link MacroblockFilter}s, the JDK-only packed one and the Vector API one, against the RFC
 * segment procedures of {@link Rfc6386EdgeFilter} applied edge by edge in libvpx's order, for every
 * level, sharpness, frame type, filter type and combination of filtered edges, on macroblocks of
 * noise around steps at the edges (sized around the edge and interior limits, often near 0 or 255)
 * so that positions along one edge are masked, filtered with and without high edge variance, and
 * clamped.
 */
class MacroblockFilterTest {
  private static final long SEED = 0x3B_F11_7E5L;
  private static final int YS = 48; // luma 48x48, the macroblock at (16, 16)
  private static final int UVS = 24; // chroma 24x24, the macroblock at (8, 8)
  private static final int YO = 16 * YS + 16;
  private static final int UVO = 8 * UVS + 8;

  @Test
  void packedFilterMatchesTheRfcFilters() {
    sweep("packed", MacroblockFilters::packed);
  }

  @Test
  void vectorFilterMatchesTheRfcFilters() {
    assumeTrue(
        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector is not in this JVM (run with --add-modules jdk.incubator.vector);"
            + " the Vector API loop filter is NOT tested");
    sweep("vector", (levels, simple) -> MacroblockFilters.vector(levels, simple).orElseThrow());
  }

  @Test
  void vectorFilterIsChosenWhereTheModuleIsPresent() {
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if ("absent".equals(System.getProperty("excamera.test.vectorModule"))) {
      assertFalse(present, "the run without the Vector API must not have the module");
    }
    boolean asked = VectorKernels.enabled();
    Optional<MacroblockFilter> vector = MacroblockFilters.vector(new FilterLevels(0, true), false);
    assertTrue(present == vector.isPresent(), "vector filter made iff the module is present");
    // With the module, the vector filter is chosen unless turned off or the JVM cannot compile it
    // to vector instructions (no AVX-512, or C1 only).
    boolean expected = present && asked && MacroblockFilters.vectorRunsFast();
    assertTrue(
        MacroblockFilters.usesVector() == expected,
        "module present: %b, not turned off: %b".formatted(present, asked));
  }

  /** A filter implementation for a frame. */
  interface Maker {
    MacroblockFilter make(FilterLevels levels, boolean simple);
  }

  /** How often the reference took each branch, so that the inputs demonstrably reach them. */
  private static final class Reached {
    long masked;
    long filteredHev;
    long filteredLowVariance;
    long clamped;
  }

  private static void sweep(String name, Maker maker) {
    Random random = new Random(SEED);
    Reached reached = new Reached();
    for (int sharpness = 0; sharpness < 8; sharpness++) {
      for (boolean key : new boolean[] {true, false}) {
        FilterLevels levels = new FilterLevels(sharpness, key);
        for (boolean simple : new boolean[] {false, true}) {
          MacroblockFilter filter = maker.make(levels, simple);
          for (int level = 1; level < 64; level++) {
            Thresholds t = Thresholds.of(level, sharpness, key);
            for (int edges = 1; edges < 8; edges++) {
              boolean left = (edges & 1) != 0;
              boolean top = (edges & 2) != 0;
              boolean interior = (edges & 4) != 0;
              String where =
                  ("%s filter, seed %x, level %d, sharpness %d, %s frame, %s filter, left %b,"
                          + " top %b, interior %b")
                      .formatted(
                          name,
                          SEED,
                          level,
                          sharpness,
                          key ? "key" : "inter",
                          simple ? "simple" : "normal",
                          left,
                          top,
                          interior);
              byte[][] planes = {
                plane(random, YS, 16, t), plane(random, UVS, 8, t), plane(random, UVS, 8, t)
              };
              byte[][] expected = {planes[0].clone(), planes[1].clone(), planes[2].clone()};
              reference(expected, t, simple, left, top, interior, reached);
              filter.filter(
                  planes[0], planes[1], planes[2], YO, UVO, YS, UVS, level, left, top, interior);
              for (int p = 0; p < 3; p++) {
                if (!Arrays.equals(expected[p], planes[p])) {
                  int o = Arrays.mismatch(expected[p], planes[p]);
                  int stride = p == 0 ? YS : UVS;
                  fail(
                      "%s: plane %d pixel (row %d, column %d) is %d, the RFC filters give %d"
                          .formatted(
                              where,
                              p,
                              o / stride,
                              o % stride,
                              planes[p][o] & 0xFF,
                              expected[p][o] & 0xFF));
                }
              }
            }
          }
        }
      }
    }
    assertTrue(reached.masked > 10_000, "mask failures: " + reached.masked);
    assertTrue(reached.filteredHev > 10_000, "high edge variance: " + reached.filteredHev);
    assertTrue(
        reached.filteredLowVariance > 10_000, "low variance: " + reached.filteredLowVariance);
    assertTrue(reached.clamped > 500, "outputs clamped to 0 or 255: " + reached.clamped);
  }

  /**
   * A square plane of {@code size * 3} pixels with the macroblock in the middle: noise around a
   * base level that steps at every fourth row and column, by amounts around the edge limit, the
   * noise around the interior limit.
   */
  private static byte[] plane(Random random, int size, int mb, Thresholds t) {
    int n = size;
    int[] colStep = steps(random, n, t);
    int[] rowStep = steps(random, n, t);
    int base = random.nextInt(4) == 0 ? (random.nextBoolean() ? 8 : 247) : random.nextInt(256);
    int il = t.interiorLimit();
    int noise =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> 1;
          case 2 -> Math.max(1, il / 2);
          case 3 -> il + 1;
          default -> 3 * il;
        };
    byte[] d = new byte[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int v = base + rowStep[y] + colStep[x] + random.nextInt(noise + 1) - noise / 2;
        d[y * n + x] = (byte) Math.max(0, Math.min(255, v));
      }
    }
    return d;
  }

  /** Cumulative steps at multiples of 4, each around half an edge limit, up or down. */
  private static int[] steps(Random random, int n, Thresholds t) {
    int[] s = new int[n];
    int level = 0;
    for (int i = 0; i < n; i++) {
      if (i % 4 == 0 && random.nextInt(3) > 0) {
        int e = random.nextBoolean() ? t.mbEdgeLimit() : t.subBedgeLimit();
        int jump = e / 2 + random.nextInt(7) - 3;
        level += random.nextBoolean() ? jump : -jump;
        level = Math.max(-200, Math.min(200, level));
      }
      s[i] = level;
    }
    return s;
  }

  /** The macroblock's edges filtered one segment after the other, in libvpx's order. */
  private static void reference(
      byte[][] planes,
      Thresholds t,
      boolean simple,
      boolean left,
      boolean top,
      boolean interior,
      Reached reached) {
    int planeCount = simple ? 1 : 3;
    for (int pass = 0; pass < 4; pass++) {
      for (int p = 0; p < planeCount; p++) {
        byte[] d = planes[p];
        int stride = p == 0 ? YS : UVS;
        int size = p == 0 ? 16 : 8;
        int o = p == 0 ? YO : UVO;
        boolean vertical = pass < 2;
        boolean mbEdge = pass % 2 == 0;
        if (mbEdge ? !(vertical ? left : top) : !interior) {
          continue;
        }
        int step = vertical ? 1 : stride;
        int along = vertical ? stride : 1;
        for (int e = mbEdge ? 0 : 4; e < (mbEdge ? 1 : size); e += 4) {
          for (int i = 0; i < size; i++) {
            int at = o + e * step + i * along;
            segment(d, at, step, t, simple, mbEdge, reached);
          }
        }
      }
    }
  }

  private static void segment(
      byte[] d, int at, int step, Thresholds t, boolean simple, boolean mbEdge, Reached reached) {
    int edgeLimit = mbEdge ? t.mbEdgeLimit() : t.subBedgeLimit();
    byte[] before = Arrays.copyOfRange(d, at - 4 * step, at + 4 * step);
    if (simple) {
      Rfc6386EdgeFilter.simpleSegment(edgeLimit, d, at, step);
    } else {
      if (!Rfc6386EdgeFilter.filterYes(t.interiorLimit(), edgeLimit, d, at, step)) {
        reached.masked++;
      } else if (Rfc6386EdgeFilter.hev(t.hevThreshold(), d, at, step)) {
        reached.filteredHev++;
      } else {
        reached.filteredLowVariance++;
      }
      if (mbEdge) {
        Rfc6386EdgeFilter.mbFilter(t.hevThreshold(), t.interiorLimit(), edgeLimit, d, at, step);
      } else {
        Rfc6386EdgeFilter.subblockFilter(
            t.hevThreshold(), t.interiorLimit(), edgeLimit, d, at, step);
      }
    }
    for (int k = 0; k < 8; k++) {
      byte now = d[at + (k - 4) * step];
      if (now != before[k * step] && (now == 0 || now == (byte) 255)) {
        reached.clamped++;
      }
    }
  }
}
