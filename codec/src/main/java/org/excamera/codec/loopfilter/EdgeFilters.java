package org.excamera.codec.loopfilter;

/**
 * Loop filter edge kernels (RFC 6386 §15.2–15.3, with libvpx's arithmetic). Each filters {@code
 * count} positions along an edge: sample {@code off + i * along} is the first pixel after the edge
 * (q0), {@code off + i * along - across} the last before it (p0). Pixel values are mapped to signed
 * -128..127 and every intermediate is clamped to that range as libvpx's signed chars are.
 */
public final class EdgeFilters {
  private EdgeFilters() {}

  private static int c(int v) {
    return v < -128 ? -128 : (v > 127 ? 127 : v);
  }

  private static byte u(int v) {
    return (byte) (v + 128);
  }

  /** The simple filter (luma only): adjusts p0 and q0 where {@code |p0-q0|*2 + |p1-q1|/2 <= e}. */
  public static void simple(byte[] d, int off, int across, int along, int count, int edgeLimit) {
    for (int i = 0; i < count; i++) {
      int o = off + i * along;
      int p1 = d[o - 2 * across] & 0xFF;
      int p0 = d[o - across] & 0xFF;
      int q0 = d[o] & 0xFF;
      int q1 = d[o + across] & 0xFF;
      if (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) > edgeLimit) {
        continue;
      }
      int sp1 = p1 - 128;
      int sp0 = p0 - 128;
      int sq0 = q0 - 128;
      int sq1 = q1 - 128;
      int a = c(c(sp1 - sq1) + 3 * (sq0 - sp0));
      int f1 = c(a + 4) >> 3;
      int f2 = c(a + 3) >> 3;
      d[o] = u(c(sq0 - f1));
      d[o - across] = u(c(sp0 + f2));
    }
  }

  /** The normal filter: {@link #macroblockEdge} or {@link #subblockEdge} as {@code mbEdge} says. */
  public static void normal(
      byte[] d,
      int off,
      int across,
      int along,
      int count,
      int edgeLimit,
      int interiorLimit,
      int hevThreshold,
      boolean mbEdge) {
    if (mbEdge) {
      macroblockEdge(d, off, across, along, count, edgeLimit, interiorLimit, hevThreshold);
    } else {
      subblockEdge(d, off, across, along, count, edgeLimit, interiorLimit, hevThreshold);
    }
  }

  /**
   * The normal filter across a macroblock edge: adjusts up to three pixels each side, or only p0
   * and q0 where the edge variance is high.
   */
  public static void macroblockEdge(
      byte[] d,
      int off,
      int across,
      int along,
      int count,
      int edgeLimit,
      int interiorLimit,
      int hevThreshold) {
    for (int i = 0; i < count; i++) {
      int o = off + i * along;
      int p3 = d[o - 4 * across] & 0xFF;
      int p2 = d[o - 3 * across] & 0xFF;
      int p1 = d[o - 2 * across] & 0xFF;
      int p0 = d[o - across] & 0xFF;
      int q0 = d[o] & 0xFF;
      int q1 = d[o + across] & 0xFF;
      int q2 = d[o + 2 * across] & 0xFF;
      int q3 = d[o + 3 * across] & 0xFF;
      if (Math.abs(p3 - p2) > interiorLimit
          || Math.abs(p2 - p1) > interiorLimit
          || Math.abs(p1 - p0) > interiorLimit
          || Math.abs(q1 - q0) > interiorLimit
          || Math.abs(q2 - q1) > interiorLimit
          || Math.abs(q3 - q2) > interiorLimit
          || Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) > edgeLimit) {
        continue;
      }
      boolean hev = Math.abs(p1 - p0) > hevThreshold || Math.abs(q1 - q0) > hevThreshold;
      int sp1 = p1 - 128;
      int sp0 = p0 - 128;
      int sq0 = q0 - 128;
      int sq1 = q1 - 128;
      int sp2 = p2 - 128;
      int sq2 = q2 - 128;
      int w = c(c(sp1 - sq1) + 3 * (sq0 - sp0));
      if (hev) {
        int f1 = c(w + 4) >> 3;
        int f2 = c(w + 3) >> 3;
        d[o] = u(c(sq0 - f1));
        d[o - across] = u(c(sp0 + f2));
      } else {
        int a = c((27 * w + 63) >> 7);
        d[o] = u(c(sq0 - a));
        d[o - across] = u(c(sp0 + a));
        a = c((18 * w + 63) >> 7);
        d[o + across] = u(c(sq1 - a));
        d[o - 2 * across] = u(c(sp1 + a));
        a = c((9 * w + 63) >> 7);
        d[o + 2 * across] = u(c(sq2 - a));
        d[o - 3 * across] = u(c(sp2 + a));
      }
    }
  }

  /**
   * The normal filter across a subblock edge: adjusts p0 and q0 and, where the edge variance is
   * low, p1 and q1.
   */
  public static void subblockEdge(
      byte[] d,
      int off,
      int across,
      int along,
      int count,
      int edgeLimit,
      int interiorLimit,
      int hevThreshold) {
    for (int i = 0; i < count; i++) {
      int o = off + i * along;
      int p3 = d[o - 4 * across] & 0xFF;
      int p2 = d[o - 3 * across] & 0xFF;
      int p1 = d[o - 2 * across] & 0xFF;
      int p0 = d[o - across] & 0xFF;
      int q0 = d[o] & 0xFF;
      int q1 = d[o + across] & 0xFF;
      int q2 = d[o + 2 * across] & 0xFF;
      int q3 = d[o + 3 * across] & 0xFF;
      if (Math.abs(p3 - p2) > interiorLimit
          || Math.abs(p2 - p1) > interiorLimit
          || Math.abs(p1 - p0) > interiorLimit
          || Math.abs(q1 - q0) > interiorLimit
          || Math.abs(q2 - q1) > interiorLimit
          || Math.abs(q3 - q2) > interiorLimit
          || Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) > edgeLimit) {
        continue;
      }
      boolean hev = Math.abs(p1 - p0) > hevThreshold || Math.abs(q1 - q0) > hevThreshold;
      int sp1 = p1 - 128;
      int sp0 = p0 - 128;
      int sq0 = q0 - 128;
      int sq1 = q1 - 128;
      int a = hev ? c(sp1 - sq1) : 0;
      a = c(a + 3 * (sq0 - sp0));
      int f1 = c(a + 4) >> 3;
      int f2 = c(a + 3) >> 3;
      d[o] = u(c(sq0 - f1));
      d[o - across] = u(c(sp0 + f2));
      if (!hev) {
        a = (f1 + 1) >> 1;
        d[o + across] = u(c(sq1 - a));
        d[o - 2 * across] = u(c(sp1 + a));
      }
    }
  }
}
