package org.excamera.codec.loopfilter;

/**
 * The loop filter segment procedures of RFC 6386 §15.2–15.3 and the thresholds of §15.4, written as
 * close to the RFC's C as Java allows, as the reference the fast kernels are tested against. A
 * segment is the eight pixels {@code d[at + k * step]}, k = -4..3, with the edge between k = -1
 * (P0) and k = 0 (Q0).
 */
final class Rfc6386EdgeFilter {
  private Rfc6386EdgeFilter() {}

  /** The thresholds of a loop filter level (§15.4). */
  record Thresholds(int interiorLimit, int mbEdgeLimit, int subBedgeLimit, int hevThreshold) {
    static Thresholds of(int loopFilterLevel, int sharpnessLevel, boolean keyFrame) {
      int interiorLimit = loopFilterLevel;
      if (sharpnessLevel != 0) {
        interiorLimit >>= sharpnessLevel > 4 ? 2 : 1;
        if (interiorLimit > 9 - sharpnessLevel) {
          interiorLimit = 9 - sharpnessLevel;
        }
      }
      if (interiorLimit == 0) {
        interiorLimit = 1;
      }
      int hevThreshold = 0;
      if (keyFrame) {
        if (loopFilterLevel >= 40) {
          hevThreshold = 2;
        } else if (loopFilterLevel >= 15) {
          hevThreshold = 1;
        }
      } else {
        if (loopFilterLevel >= 40) {
          hevThreshold = 3;
        } else if (loopFilterLevel >= 20) {
          hevThreshold = 2;
        } else if (loopFilterLevel >= 15) {
          hevThreshold = 1;
        }
      }
      return new Thresholds(
          interiorLimit,
          ((loopFilterLevel + 2) * 2) + interiorLimit,
          (loopFilterLevel * 2) + interiorLimit,
          hevThreshold);
    }
  }

  private static int c(int v) {
    return v < -128 ? -128 : (v > 127 ? 127 : v);
  }

  private static int u2s(byte v) {
    return (v & 0xFF) - 128;
  }

  private static byte s2u(int v) {
    return (byte) (c(v) + 128);
  }

  private static int get(byte[] d, int at, int step, int k) {
    return u2s(d[at + k * step]);
  }

  private static void set(byte[] d, int at, int step, int k, int v) {
    d[at + k * step] = s2u(v);
  }

  /** {@code common_adjust}: returns a, the adjustment of Q0. */
  private static int commonAdjust(boolean useOuterTaps, byte[] d, int at, int step) {
    int p1 = get(d, at, step, -2);
    int p0 = get(d, at, step, -1);
    int q0 = get(d, at, step, 0);
    int q1 = get(d, at, step, 1);
    int a = c((useOuterTaps ? c(p1 - q1) : 0) + 3 * (q0 - p0));
    int b = c(a + 3) >> 3;
    a = c(a + 4) >> 3;
    set(d, at, step, 0, q0 - a);
    set(d, at, step, -1, p0 + b);
    return a;
  }

  /** {@code simple_segment}. */
  static void simpleSegment(int edgeLimit, byte[] d, int at, int step) {
    int p1 = get(d, at, step, -2);
    int p0 = get(d, at, step, -1);
    int q0 = get(d, at, step, 0);
    int q1 = get(d, at, step, 1);
    if ((Math.abs(p0 - q0) * 2 + Math.abs(p1 - q1) / 2) <= edgeLimit) {
      commonAdjust(true, d, at, step);
    }
  }

  /** {@code filter_yes} over the segment at {@code at}. */
  static boolean filterYes(int i, int e, byte[] d, int at, int step) {
    return filterYes(
        i,
        e,
        get(d, at, step, -4),
        get(d, at, step, -3),
        get(d, at, step, -2),
        get(d, at, step, -1),
        get(d, at, step, 0),
        get(d, at, step, 1),
        get(d, at, step, 2),
        get(d, at, step, 3));
  }

  private static boolean filterYes(
      int i, int e, int p3, int p2, int p1, int p0, int q0, int q1, int q2, int q3) {
    return (Math.abs(p0 - q0) * 2 + Math.abs(p1 - q1) / 2) <= e
        && Math.abs(p3 - p2) <= i
        && Math.abs(p2 - p1) <= i
        && Math.abs(p1 - p0) <= i
        && Math.abs(q3 - q2) <= i
        && Math.abs(q2 - q1) <= i
        && Math.abs(q1 - q0) <= i;
  }

  /** {@code hev} over the segment at {@code at}. */
  static boolean hev(int threshold, byte[] d, int at, int step) {
    return hev(
        threshold,
        get(d, at, step, -2),
        get(d, at, step, -1),
        get(d, at, step, 0),
        get(d, at, step, 1));
  }

  private static boolean hev(int threshold, int p1, int p0, int q0, int q1) {
    return Math.abs(p1 - p0) > threshold || Math.abs(q1 - q0) > threshold;
  }

  /** {@code subblock_filter}. */
  static void subblockFilter(
      int hevThreshold, int interiorLimit, int edgeLimit, byte[] d, int at, int step) {
    if (filterYes(interiorLimit, edgeLimit, d, at, step)) {
      int p1 = get(d, at, step, -2);
      int q1 = get(d, at, step, 1);
      boolean hv = hev(hevThreshold, d, at, step);
      int a = (commonAdjust(hv, d, at, step) + 1) >> 1;
      if (!hv) {
        set(d, at, step, 1, q1 - a);
        set(d, at, step, -2, p1 + a);
      }
    }
  }

  /** {@code MBfilter}. */
  static void mbFilter(
      int hevThreshold, int interiorLimit, int edgeLimit, byte[] d, int at, int step) {
    if (filterYes(interiorLimit, edgeLimit, d, at, step)) {
      if (!hev(hevThreshold, d, at, step)) {
        int p2 = get(d, at, step, -3);
        int p1 = get(d, at, step, -2);
        int p0 = get(d, at, step, -1);
        int q0 = get(d, at, step, 0);
        int q1 = get(d, at, step, 1);
        int q2 = get(d, at, step, 2);
        int w = c(c(p1 - q1) + 3 * (q0 - p0));
        int a = c((27 * w + 63) >> 7);
        set(d, at, step, 0, q0 - a);
        set(d, at, step, -1, p0 + a);
        a = c((18 * w + 63) >> 7);
        set(d, at, step, 1, q1 - a);
        set(d, at, step, -2, p1 + a);
        a = c((9 * w + 63) >> 7);
        set(d, at, step, 2, q2 - a);
        set(d, at, step, -3, p2 + a);
      } else {
        commonAdjust(true, d, at, step);
      }
    }
  }
}
