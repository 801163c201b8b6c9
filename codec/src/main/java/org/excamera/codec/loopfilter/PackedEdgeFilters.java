package org.excamera.codec.loopfilter;

import static org.excamera.codec.loopfilter.PackedLanes.absDiff;
import static org.excamera.codec.loopfilter.PackedLanes.clampByte;
import static org.excamera.codec.loopfilter.PackedLanes.clampWide;
import static org.excamera.codec.loopfilter.PackedLanes.exceeds;
import static org.excamera.codec.loopfilter.PackedLanes.mask;
import static org.excamera.codec.loopfilter.PackedLanes.rep;
import static org.excamera.codec.loopfilter.PackedLanes.repack;
import static org.excamera.codec.loopfilter.PackedLanes.select;
import static org.excamera.codec.loopfilter.PackedLanes.shiftedTap;
import static org.excamera.codec.loopfilter.PackedLanes.unpack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The loop filter edge kernels of {@link EdgeFilters}, eight edge positions at a time, bit-exact
 * with them (RFC 6386 §15.2–15.3 with libvpx's signed-char saturation). A group is eight longs p3,
 * p2, p1, p0, q0, q1, q2, q3, each holding that sample of eight positions: rows read directly for a
 * horizontal edge, the transpose of eight 8-pixel rows for a vertical edge. Each group is filtered
 * as two halves of four 16-bit lanes ({@link PackedLanes}); lane values are kept offset so they
 * stay non-negative, with every libvpx clamp done as a clamp to 0..255 of the offset value.
 *
 * <p>Limits come as lane biases from {@link #bias}; {@code count} is a multiple of 8; {@code g} is
 * an 8-long scratch.
 */
final class PackedEdgeFilters {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private PackedEdgeFilters() {}

  /**
   * The lane bias for a limit: {@code |a - b| > limit} is bit 15 of {@code exceeds(a, b, bias)}.
   */
  static long bias(int limit) {
    return rep(0x7FFF - limit);
  }

  /** The normal filter across a macroblock edge. */
  static final int MACROBLOCK = 0;

  /** The normal filter across a subblock edge. */
  static final int SUBBLOCK = 1;

  /** The simple filter (which uses only {@code edge}). */
  static final int SIMPLE = 2;

  /** Filters across a horizontal edge; q0 of the first position is {@code d[off]}. */
  static void horizontal(
      byte[] d,
      int off,
      int stride,
      int count,
      int filter,
      long edge,
      long interior,
      long hev,
      long[] g) {
    for (int x = 0; x < count; x += 8) {
      int o = off + x;
      if (loadRowsUnlessFlat(d, o, stride, g) && filter(g, filter, edge, interior, hev)) {
        for (int k = 1; k < 7; k++) {
          set(d, o + (k - 4) * stride, g[k]);
        }
      }
    }
  }

  /** Filters across a vertical edge; q0 of the first position is {@code d[off]}. */
  static void vertical(
      byte[] d,
      int off,
      int stride,
      int count,
      int filter,
      long edge,
      long interior,
      long hev,
      long[] g) {
    for (int y = 0; y < count; y += 8) {
      int o = off - 4 + y * stride;
      if (loadColumnsUnlessFlat(d, o, stride, g) && filter(g, filter, edge, interior, hev)) {
        PackedLanes.transpose(g);
        for (int r = 0; r < 8; r++) {
          set(d, o + r * stride, g[r]);
        }
      }
    }
  }

  /** Filters both halves of a group; false if no position passed the filter's mask. */
  private static boolean filter(long[] g, int filter, long edge, long interior, long hev) {
    boolean low;
    boolean high;
    switch (filter) {
      case MACROBLOCK -> {
        low = macroblockHalf(g, 0, edge, interior, hev);
        high = macroblockHalf(g, 8, edge, interior, hev);
      }
      case SUBBLOCK -> {
        low = subblockHalf(g, 0, edge, interior, hev);
        high = subblockHalf(g, 8, edge, interior, hev);
      }
      default -> {
        low = simpleHalf(g, 0, edge);
        high = simpleHalf(g, 8, edge);
      }
    }
    return low || high;
  }

  private static long get(byte[] d, int o) {
    return (long) LONGS.get(d, o);
  }

  private static void set(byte[] d, int o, long v) {
    LONGS.set(d, o, v);
  }

  /**
   * Loads the group of eight positions starting at {@code o} of a horizontal edge; false (group not
   * loaded) where p0 = q0 and p1 = q1 at all eight, as then every filter leaves them unchanged.
   */
  private static boolean loadRowsUnlessFlat(byte[] d, int o, int stride, long[] g) {
    long p1 = get(d, o - 2 * stride);
    long p0 = get(d, o - stride);
    long q0 = get(d, o);
    long q1 = get(d, o + stride);
    if (((p1 ^ q1) | (p0 ^ q0)) == 0) {
      return false;
    }
    g[0] = get(d, o - 4 * stride);
    g[1] = get(d, o - 3 * stride);
    g[2] = p1;
    g[3] = p0;
    g[4] = q0;
    g[5] = q1;
    g[6] = get(d, o + 2 * stride);
    g[7] = get(d, o + 3 * stride);
    return true;
  }

  /** As {@link #loadRowsUnlessFlat} for the eight rows of 8 pixels from {@code o} (p3's column). */
  private static boolean loadColumnsUnlessFlat(byte[] d, int o, int stride, long[] g) {
    for (int r = 0; r < 8; r++) {
      g[r] = get(d, o + r * stride);
    }
    PackedLanes.transpose(g);
    return ((g[2] ^ g[5]) | (g[3] ^ g[4])) != 0;
  }

  /** Bit 15 set where {@code |p0 - q0| * 2 + |p1 - q1| / 2} exceeds the edge limit. */
  private static long edgeExceeds(long p1, long p0, long q0, long q1, long edge) {
    return 2 * absDiff(p0, q0) + ((absDiff(p1, q1) >>> 1) & rep(0x7F)) + edge;
  }

  /**
   * Bit 15 set where the normal filter's mask fails: an interior or the edge difference is over.
   */
  private static long normalExceeds(
      long p3, long p2, long p1, long p0, long q0, long q1, long q2, long q3, long e, long i) {
    return exceeds(p3, p2, i)
        | exceeds(p2, p1, i)
        | exceeds(p1, p0, i)
        | exceeds(q1, q0, i)
        | exceeds(q2, q1, i)
        | exceeds(q3, q2, i)
        | edgeExceeds(p1, p0, q0, q1, e);
  }

  /**
   * {@code clamp(clamp(p1 - q1) + 3 * (q0 - p0)) + 128} as libvpx computes the common filter value
   * in signed chars; {@code d1} is {@code clamp(p1 - q1) + 128} or 128 where it is not used.
   */
  private static long filterValue(long d1, long p0, long q0) {
    return clampWide(d1 + 3 * q0 + rep(1024) - 3 * p0);
  }

  private static long clampedDifference(long p1, long q1) {
    return clampByte(p1 + rep(256 + 128) - q1);
  }

  private static boolean macroblockHalf(long[] g, int s, long edge, long interior, long hevBias) {
    long p3 = unpack(g[0], s);
    long p2 = unpack(g[1], s);
    long p1 = unpack(g[2], s);
    long p0 = unpack(g[3], s);
    long q0 = unpack(g[4], s);
    long q1 = unpack(g[5], s);
    long q2 = unpack(g[6], s);
    long q3 = unpack(g[7], s);
    long pass = ~mask(normalExceeds(p3, p2, p1, p0, q0, q1, q2, q3, edge, interior));
    if (pass == 0) {
      return false;
    }
    long hev = mask(exceeds(p1, p0, hevBias) | exceeds(q1, q0, hevBias));
    long w = select(pass, filterValue(clampedDifference(p1, q1), p0, q0), rep(128));
    // High edge variance: only p0 and q0 move, by clamp(w + 3) >> 3 and clamp(w + 4) >> 3. Else
    // the wide filter moves three pixels a side by (27w + 63) >> 7, (18w + 63) >> 7, (9w + 63) >>
    // 7.
    // Lanes not taking a branch see w = 0 there, which moves nothing.
    long wHev = select(hev, w, rep(128));
    long wWide = w ^ wHev ^ rep(128);
    long f1 = shiftedTap(wHev + rep(4)); // f1 + 16
    long f2 = shiftedTap(wHev + rep(3)); // f2 + 16
    // (k * w + 63) >> 7 + k, as k * 128 is the offset of k * (w + 128).
    long a27 = ((27 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    long a18 = ((18 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    long a9 = ((9 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    g[1] = repack(g[1], s, clampByte(p2 + a9 + rep(256 - 9)));
    g[2] = repack(g[2], s, clampByte(p1 + a18 + rep(256 - 18)));
    g[3] = repack(g[3], s, clampByte(p0 + f2 + a27 + rep(256 - 16 - 27)));
    g[4] = repack(g[4], s, clampByte(q0 + rep(256 + 16 + 27) - f1 - a27));
    g[5] = repack(g[5], s, clampByte(q1 + rep(256 + 18) - a18));
    g[6] = repack(g[6], s, clampByte(q2 + rep(256 + 9) - a9));
    return true;
  }

  private static boolean subblockHalf(long[] g, int s, long edge, long interior, long hevBias) {
    long p3 = unpack(g[0], s);
    long p2 = unpack(g[1], s);
    long p1 = unpack(g[2], s);
    long p0 = unpack(g[3], s);
    long q0 = unpack(g[4], s);
    long q1 = unpack(g[5], s);
    long q2 = unpack(g[6], s);
    long q3 = unpack(g[7], s);
    long pass = ~mask(normalExceeds(p3, p2, p1, p0, q0, q1, q2, q3, edge, interior));
    if (pass == 0) {
      return false;
    }
    long hev = mask(exceeds(p1, p0, hevBias) | exceeds(q1, q0, hevBias));
    long d1 = select(hev, clampedDifference(p1, q1), rep(128));
    long w = select(pass, filterValue(d1, p0, q0), rep(128));
    long f1 = shiftedTap(w + rep(4)); // f1 + 16
    long f2 = shiftedTap(w + rep(3)); // f2 + 16
    // Without high edge variance p1 and q1 move by (f1 + 1) >> 1; here that plus 8.
    long a = select(hev, rep(8), ((f1 + PackedLanes.ONES) >>> 1) & rep(0x7F));
    g[2] = repack(g[2], s, clampByte(p1 + a + rep(256 - 8)));
    g[3] = repack(g[3], s, clampByte(p0 + f2 + rep(256 - 16)));
    g[4] = repack(g[4], s, clampByte(q0 + rep(256 + 16) - f1));
    g[5] = repack(g[5], s, clampByte(q1 + rep(256 + 8) - a));
    return true;
  }

  private static boolean simpleHalf(long[] g, int s, long edge) {
    long p1 = unpack(g[2], s);
    long p0 = unpack(g[3], s);
    long q0 = unpack(g[4], s);
    long q1 = unpack(g[5], s);
    long pass = ~mask(edgeExceeds(p1, p0, q0, q1, edge));
    if (pass == 0) {
      return false;
    }
    long w = select(pass, filterValue(clampedDifference(p1, q1), p0, q0), rep(128));
    long f1 = shiftedTap(w + rep(4));
    long f2 = shiftedTap(w + rep(3));
    g[3] = repack(g[3], s, clampByte(p0 + f2 + rep(256 - 16)));
    g[4] = repack(g[4], s, clampByte(q0 + rep(256 + 16) - f1));
    return true;
  }
}
