package org.excamera.codec.loopfilter;

import static org.excamera.codec.loopfilter.PackedLanes.clampByte;
import static org.excamera.codec.loopfilter.PackedLanes.clampWide;
import static org.excamera.codec.loopfilter.PackedLanes.exceeds;
import static org.excamera.codec.loopfilter.PackedLanes.mask;
import static org.excamera.codec.loopfilter.PackedLanes.rep;
import static org.excamera.codec.loopfilter.PackedLanes.select;
import static org.excamera.codec.loopfilter.PackedLanes.shiftedTap;
import static org.excamera.codec.loopfilter.PackedLanes.unpack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The loop filter edge kernels (simple filter, normal filter across macroblock and subblock edges),
 * eight edge positions at a time, bit-exact with libvpx (RFC 6386 §15.2–15.3 with libvpx's
 * signed-char saturation). A group is eight longs p3, p2, p1, p0, q0, q1, q2, q3, each holding that
 * sample of eight positions: rows read directly for a horizontal edge, the transpose of eight
 * 8-pixel rows for a vertical edge. Each group is filtered as two halves of four 16-bit lanes
 * ({@link PackedLanes}); lane values are kept offset so they stay non-negative, with every libvpx
 * clamp done as a clamp to 0..255 of the offset value.
 *
 * <p>Limits come as lane biases from {@link #bias} and, for the edge limit, {@link #edgeBias};
 * {@code count} is a multiple of 8; {@code g} is a scratch of {@link #SCRATCH} longs.
 */
final class PackedEdgeFilters {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Where {@link #filter} unpacks the two halves of a group. */
  private static final int LOW = 8;

  private static final int HIGH = 16;

  /** Where {@link #verticalLuma} keeps its columns: rows 0..3 from here, rows 4..7 20 later. */
  private static final int COLUMNS = 8;

  /** The length of the scratch a caller passes as {@code g}. */
  static final int SCRATCH = COLUMNS + 2 * 20;

  private PackedEdgeFilters() {}

  /**
   * The lane bias for a limit: {@code |a - b| > limit} is bit 15 of {@code exceeds(a, b, bias)}.
   */
  static long bias(int limit) {
    return rep(0x7FFF - limit);
  }

  /** The lane bias for an edge limit (0..193), as {@link #edgeExceeds} tests it. */
  static long edgeBias(int edgeLimit) {
    return bias(2 * edgeLimit + 1);
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
      if (loadRowsUnlessFlat(d, o, stride, g)
          && filter(g, LOW, HIGH, filter, edge, interior, hev)) {
        for (int k = 1; k < 7; k++) {
          set(d, o + (k - 4) * stride, g[LOW + k] | (g[HIGH + k] << 8));
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
      if (loadColumnsUnlessFlat(d, o, stride, g)
          && filter(g, LOW, HIGH, filter, edge, interior, hev)) {
        storeColumnBlock(d, o, stride, g, LOW, HIGH);
      }
    }
  }

  /**
   * Filters the vertical edges of a 16x16 luma macroblock whose top-left pixel is {@code d[off]}:
   * with {@code left} its left edge with {@code mbFilter}, then the interior edges 4, 8 and 12 with
   * {@code subFilter}, as {@link #vertical} would one edge after the other. Each group of eight
   * rows is transposed once for all four edges: columns -4..15 (or 0..15 without the left edge) go
   * into {@code g} as three (two) transposed 8-column blocks, the last overlapping its neighbour.
   */
  static void verticalLuma(
      byte[] d,
      int off,
      int stride,
      boolean left,
      int mbFilter,
      long mbEdge,
      int subFilter,
      long subEdge,
      long interior,
      long hev,
      long[] g) {
    int first = left ? -4 : 0;
    for (int y = 0; y < 16; y += 8) {
      int o = off + y * stride;
      for (int c = first; c < 16; c += 8) {
        int at = COLUMNS + 4 + Math.min(c, 8);
        loadColumnBlock(d, o + Math.min(c, 8), stride, g, at, at + 20);
      }
      boolean changed = left && filterUnlessFlat(g, COLUMNS, mbFilter, mbEdge, interior, hev);
      for (int x = 4; x < 16; x += 4) {
        changed |= filterUnlessFlat(g, COLUMNS + x, subFilter, subEdge, interior, hev);
      }
      if (changed) {
        for (int c = first; c < 16; c += 8) {
          int at = COLUMNS + 4 + Math.min(c, 8);
          storeColumnBlock(d, o + Math.min(c, 8), stride, g, at, at + 20);
        }
      }
    }
  }

  /**
   * Columns {@code o..o+7} of eight rows, transposed: rows 0..3 into {@code g[low..low+7]}, rows
   * 4..7 into {@code g[high..high+7]}; {@code g[0..7]} is scratch.
   */
  private static void loadColumnBlock(byte[] d, int o, int stride, long[] g, int low, int high) {
    for (int r = 0; r < 8; r++) {
      g[r] = get(d, o + r * stride);
    }
    PackedLanes.transposeUnits(g, 0);
    PackedLanes.transposeUnits(g, 4);
    for (int m = 0; m < 4; m++) {
      g[low + 2 * m] = unpack(g[m], 0);
      g[low + 2 * m + 1] = unpack(g[m], 8);
      g[high + 2 * m] = unpack(g[4 + m], 0);
      g[high + 2 * m + 1] = unpack(g[4 + m], 8);
    }
  }

  /** The inverse of {@link #loadColumnBlock}. */
  private static void storeColumnBlock(byte[] d, int o, int stride, long[] g, int low, int high) {
    // Pixels 2m and 2m + 1 of rows 0..3 (4..7) back into one long, then rows again.
    for (int m = 0; m < 4; m++) {
      g[m] = g[low + 2 * m] | (g[low + 2 * m + 1] << 8);
      g[4 + m] = g[high + 2 * m] | (g[high + 2 * m + 1] << 8);
    }
    PackedLanes.transposeUnits(g, 0);
    PackedLanes.transposeUnits(g, 4);
    for (int r = 0; r < 8; r++) {
      set(d, o + r * stride, g[r]);
    }
  }

  /**
   * Filters the group whose halves are at {@code g[b..b+7]} and {@code g[b+20..b+27]} (see {@link
   * #loadColumnBlock}) unless p0 = q0 and p1 = q1 at all eight positions; false if nothing changed.
   */
  private static boolean filterUnlessFlat(
      long[] g, int b, int filter, long edge, long interior, long hev) {
    if (((g[b + 2] ^ g[b + 5])
            | (g[b + 3] ^ g[b + 4])
            | (g[b + 22] ^ g[b + 25])
            | (g[b + 23] ^ g[b + 24]))
        == 0) {
      return false;
    }
    return filter(g, b, b + 20, filter, edge, interior, hev);
  }

  /**
   * Filters both halves of a group, unpacked into {@code g[low..low+7]} and {@code
   * g[high..high+7]}; false if no position passed the filter's mask.
   */
  private static boolean filter(
      long[] g, int low, int high, int filter, long edge, long interior, long hev) {
    boolean lowPassed;
    boolean highPassed;
    switch (filter) {
      case MACROBLOCK -> {
        lowPassed = macroblockHalf(g, low, edge, interior, hev);
        highPassed = macroblockHalf(g, high, edge, interior, hev);
      }
      case SUBBLOCK -> {
        lowPassed = subblockHalf(g, low, edge, interior, hev);
        highPassed = subblockHalf(g, high, edge, interior, hev);
      }
      default -> {
        lowPassed = simpleHalf(g, low, edge);
        highPassed = simpleHalf(g, high, edge);
      }
    }
    return lowPassed || highPassed;
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
    // Low half: pixels 0, 2, 4, 6 along the edge; high half: 1, 3, 5, 7.
    for (int k = 0; k < 8; k++) {
      long row = get(d, o + (k - 4) * stride);
      g[LOW + k] = unpack(row, 0);
      g[HIGH + k] = unpack(row, 8);
    }
    return true;
  }

  /**
   * As {@link #loadRowsUnlessFlat} for the eight rows of 8 pixels from {@code o} (p3's column).
   * Each row is four 16-bit units (pixels 2m, 2m + 1); transposing the units of rows 0..3 gives
   * longs holding pixels 2m, 2m + 1 of those rows, which unpack into pixel 2m's and 2m + 1's
   * column: the low half is rows 0..3, the high half rows 4..7.
   */
  private static boolean loadColumnsUnlessFlat(byte[] d, int o, int stride, long[] g) {
    loadColumnBlock(d, o, stride, g, LOW, HIGH);
    return ((g[LOW + 2] ^ g[LOW + 5])
            | (g[LOW + 3] ^ g[LOW + 4])
            | (g[HIGH + 2] ^ g[HIGH + 5])
            | (g[HIGH + 3] ^ g[HIGH + 4]))
        != 0;
  }

  /**
   * Bit 15 set where {@code |p0 - q0| * 2 + |p1 - q1| / 2} exceeds the edge limit E, for {@code
   * edge} from {@link #edgeBias}. That is {@code 4|p0 - q0| + |p1 - q1| > 2E + 1}, and the left
   * side is the largest of {@code ±4(p0 - q0) ± (p1 - q1)}, so no absolute value is needed.
   */
  private static long edgeExceeds(long p1, long p0, long q0, long q1, long edge) {
    return exceeds(4 * p0 + p1, 4 * q0 + q1, edge) | exceeds(4 * p0 + q1, 4 * q0 + p1, edge);
  }

  /**
   * 0xFFFF in the lanes of the half at {@code g[b..b+7]} that pass the normal filter's mask (no
   * interior difference over the interior limit, the edge difference within the edge limit).
   */
  private static long normalPass(long[] g, int b, long edge, long interior) {
    long p3 = g[b];
    long p2 = g[b + 1];
    long p1 = g[b + 2];
    long p0 = g[b + 3];
    long q0 = g[b + 4];
    long q1 = g[b + 5];
    long q2 = g[b + 6];
    long q3 = g[b + 7];
    return ~mask(
        exceeds(p3, p2, interior)
            | exceeds(p2, p1, interior)
            | exceeds(p1, p0, interior)
            | exceeds(q1, q0, interior)
            | exceeds(q2, q1, interior)
            | exceeds(q3, q2, interior)
            | edgeExceeds(p1, p0, q0, q1, edge));
  }

  /** 0xFFFF in the lanes with high edge variance: |p1 - p0| or |q1 - q0| over the threshold. */
  private static long highVariance(long p1, long p0, long q0, long q1, long hevBias) {
    return mask(exceeds(p1, p0, hevBias) | exceeds(q1, q0, hevBias));
  }

  /**
   * {@code p1 - q1 + 128} offset by 256 and xor {@link PackedLanes#BYTE_BIAS}: {@code clamp(p1 -
   * q1) + 128} where that needs no clamp (else a bit of {@link PackedLanes#HIGH_BYTES} is set).
   */
  private static long difference(long p1, long q1) {
    return (p1 + rep(256 + 128) - q1) ^ PackedLanes.BYTE_BIAS;
  }

  /**
   * {@code d1 + 3 * (q0 - p0)} offset by 1024 and xor {@link PackedLanes#WIDE_BIAS}: libvpx's
   * filter value {@code clamp(clamp(p1 - q1) + 3 * (q0 - p0)) + 128} where neither clamp is needed,
   * {@code d1} being {@link #difference} (or 128 where p1 and q1 are not used).
   */
  private static long unclampedValue(long d1, long p0, long q0) {
    return (d1 + 3 * q0 + rep(1024) - 3 * p0) ^ PackedLanes.WIDE_BIAS;
  }

  /** The filter value with both clamps, from {@link #difference} (or 128) as {@code d1}. */
  private static long clampedValue(long d1, long p0, long q0) {
    return clampWide(clampByte(d1 ^ PackedLanes.BYTE_BIAS) + 3 * q0 + rep(1024) - 3 * p0);
  }

  /** An output pixel from its offset value xor {@link PackedLanes#BYTE_BIAS}, clamped. */
  private static long clamped(long out) {
    return clampByte(out ^ PackedLanes.BYTE_BIAS);
  }

  private static boolean macroblockHalf(long[] g, int b, long edge, long interior, long hevBias) {
    long pass = normalPass(g, b, edge, interior);
    if (pass == 0) {
      return false;
    }
    long p2 = g[b + 1];
    long p1 = g[b + 2];
    long p0 = g[b + 3];
    long q0 = g[b + 4];
    long q1 = g[b + 5];
    long q2 = g[b + 6];
    long hev = highVariance(p1, p0, q0, q1, hevBias);
    long d1 = difference(p1, q1);
    long w = unclampedValue(d1, p0, q0);
    if (((d1 | w) & PackedLanes.HIGH_BYTES) != 0) {
      w = clampedValue(d1, p0, q0);
    }
    w = select(pass, w, rep(128));
    // High edge variance: only p0 and q0 move, by clamp(w + 3) >> 3 and clamp(w + 4) >> 3. Else
    // the wide filter moves three pixels a side by (27w + 63) >> 7, (18w + 63) >> 7 and (9w + 63)
    // >> 7. Lanes not taking a branch see w = 0 there, which moves nothing.
    long wHev = select(hev, w, rep(128));
    long wWide = w ^ wHev ^ rep(128);
    long f1 = shiftedTap(wHev + rep(4)); // f1 + 16
    long f2 = shiftedTap(wHev + rep(3)); // f2 + 16
    // (k * w + 63) >> 7 + k, as k * 128 is the offset of k * (w + 128).
    long a27 = ((27 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    long a18 = ((18 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    long a9 = ((9 * wWide + rep(63)) >>> 7) & rep(0x1FF);
    long op2 = (p2 + a9 + rep(256 - 9)) ^ PackedLanes.BYTE_BIAS;
    long op1 = (p1 + a18 + rep(256 - 18)) ^ PackedLanes.BYTE_BIAS;
    long op0 = (p0 + f2 + a27 + rep(256 - 16 - 27)) ^ PackedLanes.BYTE_BIAS;
    long oq0 = (q0 + rep(256 + 16 + 27) - f1 - a27) ^ PackedLanes.BYTE_BIAS;
    long oq1 = (q1 + rep(256 + 18) - a18) ^ PackedLanes.BYTE_BIAS;
    long oq2 = (q2 + rep(256 + 9) - a9) ^ PackedLanes.BYTE_BIAS;
    if (((op2 | op1 | op0 | oq0 | oq1 | oq2) & PackedLanes.HIGH_BYTES) != 0) {
      op2 = clamped(op2);
      op1 = clamped(op1);
      op0 = clamped(op0);
      oq0 = clamped(oq0);
      oq1 = clamped(oq1);
      oq2 = clamped(oq2);
    }
    g[b + 1] = op2;
    g[b + 2] = op1;
    g[b + 3] = op0;
    g[b + 4] = oq0;
    g[b + 5] = oq1;
    g[b + 6] = oq2;
    return true;
  }

  private static boolean subblockHalf(long[] g, int b, long edge, long interior, long hevBias) {
    long pass = normalPass(g, b, edge, interior);
    if (pass == 0) {
      return false;
    }
    long p1 = g[b + 2];
    long p0 = g[b + 3];
    long q0 = g[b + 4];
    long q1 = g[b + 5];
    long hev = highVariance(p1, p0, q0, q1, hevBias);
    long d1 = select(hev, difference(p1, q1), rep(128));
    long w = unclampedValue(d1, p0, q0);
    if (((d1 | w) & PackedLanes.HIGH_BYTES) != 0) {
      w = clampedValue(d1, p0, q0);
    }
    w = select(pass, w, rep(128));
    long f1 = shiftedTap(w + rep(4)); // f1 + 16
    long f2 = shiftedTap(w + rep(3)); // f2 + 16
    // Without high edge variance p1 and q1 move by (f1 + 1) >> 1; here that plus 8.
    long a = select(hev, rep(8), ((f1 + PackedLanes.ONES) >>> 1) & rep(0x7F));
    long op1 = (p1 + a + rep(256 - 8)) ^ PackedLanes.BYTE_BIAS;
    long op0 = (p0 + f2 + rep(256 - 16)) ^ PackedLanes.BYTE_BIAS;
    long oq0 = (q0 + rep(256 + 16) - f1) ^ PackedLanes.BYTE_BIAS;
    long oq1 = (q1 + rep(256 + 8) - a) ^ PackedLanes.BYTE_BIAS;
    if (((op1 | op0 | oq0 | oq1) & PackedLanes.HIGH_BYTES) != 0) {
      op1 = clamped(op1);
      op0 = clamped(op0);
      oq0 = clamped(oq0);
      oq1 = clamped(oq1);
    }
    g[b + 2] = op1;
    g[b + 3] = op0;
    g[b + 4] = oq0;
    g[b + 5] = oq1;
    return true;
  }

  private static boolean simpleHalf(long[] g, int b, long edge) {
    long p1 = g[b + 2];
    long p0 = g[b + 3];
    long q0 = g[b + 4];
    long q1 = g[b + 5];
    long pass = ~mask(edgeExceeds(p1, p0, q0, q1, edge));
    if (pass == 0) {
      return false;
    }
    long d1 = difference(p1, q1);
    long w = unclampedValue(d1, p0, q0);
    if (((d1 | w) & PackedLanes.HIGH_BYTES) != 0) {
      w = clampedValue(d1, p0, q0);
    }
    w = select(pass, w, rep(128));
    long f1 = shiftedTap(w + rep(4));
    long f2 = shiftedTap(w + rep(3));
    g[b + 3] = clampByte(p0 + f2 + rep(256 - 16));
    g[b + 4] = clampByte(q0 + rep(256 + 16) - f1);
    return true;
  }
}
