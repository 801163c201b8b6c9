package org.excamera.codec.recon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.excamera.codec.tables.FilterTaps;

/**
 * The six-tap passes of {@link SixTapFilter} (RFC 6386 §18.3) on eight samples at a time, for
 * blocks whose width is a multiple of 8; bit-exact with the scalar passes, which stay the
 * reference.
 *
 * <p>Layout: eight samples are read as one little-endian {@code long} and split into the even and
 * the odd samples, four 16-bit lanes each. Every six-tap filter has the sign pattern {@code + - + +
 * - +}, so each lane sums the products of the positive taps plus 64 plus a bias of 64 * 128, then
 * subtracts the products of the negative taps: each partial sum stays within 0..49056, so no lane
 * carries into or borrows from the next. Shifting right by 7 leaves the result plus 64 in 9 bits;
 * when every lane is within 64..319 (the usual case) subtracting the bias is the clamp, otherwise
 * the lanes are clamped one by one. Reads exactly the samples the scalar passes read.
 */
final class PackedSixTap {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int[] TAPS = FilterTaps.sixtapFilters();

  private static final long LANES = 0x00FF_00FF_00FF_00FFL;
  private static final long NINE_BITS = 0x01FF_01FF_01FF_01FFL;

  /** 64 (rounding) + 64 * 128 (keeps every lane's sum non-negative), per lane. */
  private static final long ROUND_AND_BIAS = 0x2040_2040_2040_2040L;

  /** Added to the shifted lanes: bit 15 set iff the lane is at least the bias 64. */
  private static final long UNBIAS = 0x7FC0_7FC0_7FC0_7FC0L;

  private static final long HIGH_BYTES = 0xFF00_FF00_FF00_FF00L;
  private static final long IN_RANGE = 0x8000_8000_8000_8000L;

  PackedSixTap() {}

  /** Filters {@code h} rows of {@code w} samples along each row; {@code w % 8 == 0}. */
  void horizontal(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    int t = fraction * 6;
    int t0 = TAPS[t];
    int t1 = -TAPS[t + 1];
    int t2 = TAPS[t + 2];
    int t3 = TAPS[t + 3];
    int t4 = -TAPS[t + 4];
    int t5 = TAPS[t + 5];
    for (int r = 0; r < h; r++) {
      int s = off + r * stride - 2;
      int d = dstOff + r * dstStride;
      for (int c = 0; c < w; c += 8, s += 8) {
        // The odd samples from position k are the even ones from position k + 1.
        long a0 = load(src, s);
        long a1 = load(src, s + 1);
        long a2 = load(src, s + 2);
        long a3 = load(src, s + 3);
        long a4 = load(src, s + 4);
        long a5 = load(src, s + 5);
        long e0 = a0 & LANES;
        long e1 = a1 & LANES;
        long e2 = a2 & LANES;
        long e3 = a3 & LANES;
        long e4 = a4 & LANES;
        long e5 = a5 & LANES;
        long e6 = (a5 >>> 8) & LANES;
        long even = lanes(e0, e1, e2, e3, e4, e5, t0, t1, t2, t3, t4, t5);
        long odd = lanes(e1, e2, e3, e4, e5, e6, t0, t1, t2, t3, t4, t5);
        LONGS.set(dst, d + c, even | odd << 8);
      }
    }
  }

  /** Filters {@code w} columns of {@code h} samples down each column; {@code w % 8 == 0}. */
  void vertical(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    int t = fraction * 6;
    int t0 = TAPS[t];
    int t1 = -TAPS[t + 1];
    int t2 = TAPS[t + 2];
    int t3 = TAPS[t + 3];
    int t4 = -TAPS[t + 4];
    int t5 = TAPS[t + 5];
    // Down each column of eight: the window of the five rows above keeps its lanes, so each
    // output row loads and splits one row.
    for (int c = 0; c < w; c += 8) {
      int s = off + c - 2 * stride;
      long a0 = load(src, s);
      long a1 = load(src, s + stride);
      long a2 = load(src, s + 2 * stride);
      long a3 = load(src, s + 3 * stride);
      long a4 = load(src, s + 4 * stride);
      long e0 = a0 & LANES;
      long e1 = a1 & LANES;
      long e2 = a2 & LANES;
      long e3 = a3 & LANES;
      long e4 = a4 & LANES;
      long o0 = (a0 >>> 8) & LANES;
      long o1 = (a1 >>> 8) & LANES;
      long o2 = (a2 >>> 8) & LANES;
      long o3 = (a3 >>> 8) & LANES;
      long o4 = (a4 >>> 8) & LANES;
      s += 5 * stride;
      int d = dstOff + c;
      for (int r = 0; r < h; r++, s += stride, d += dstStride) {
        long a5 = load(src, s);
        long e5 = a5 & LANES;
        long o5 = (a5 >>> 8) & LANES;
        long even = lanes(e0, e1, e2, e3, e4, e5, t0, t1, t2, t3, t4, t5);
        long odd = lanes(o0, o1, o2, o3, o4, o5, t0, t1, t2, t3, t4, t5);
        LONGS.set(dst, d, even | odd << 8);
        e0 = e1;
        e1 = e2;
        e2 = e3;
        e3 = e4;
        e4 = e5;
        o0 = o1;
        o1 = o2;
        o2 = o3;
        o3 = o4;
        o4 = o5;
      }
    }
  }

  private static long load(byte[] a, int i) {
    return (long) LONGS.get(a, i);
  }

  /**
   * Four filtered samples, one per 16-bit lane, from the lanes of the six samples under the taps;
   * {@code n1} and {@code n4} are the magnitudes of the negative taps.
   */
  private static long lanes(
      long a0,
      long a1,
      long a2,
      long a3,
      long a4,
      long a5,
      int p0,
      int n1,
      int p2,
      int p3,
      int n4,
      int p5) {
    long sum = a0 * p0 + a2 * p2 + a3 * p3 + a5 * p5 + ROUND_AND_BIAS - (a1 * n1 + a4 * n4);
    long biased = (sum >>> 7) & NINE_BITS;
    long u = biased + UNBIAS;
    if ((u & HIGH_BYTES) == IN_RANGE) {
      return u & LANES;
    }
    return clampLanes(biased);
  }

  /** Each lane's {@code value - 64} clamped to 0..255. */
  private static long clampLanes(long biased) {
    long out = 0;
    for (int shift = 0; shift < 64; shift += 16) {
      int v = (int) ((biased >>> shift) & 0x1FF) - 64;
      out |= (long) (v < 0 ? 0 : Math.min(v, 255)) << shift;
    }
    return out;
  }
}
