package org.excamera.codec.recon;

import java.nio.ByteOrder;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.excamera.codec.tables.FilterTaps;

/**
 * The six-tap passes of {@link SixTapFilter} (RFC 6386 §18.3) with the Vector API, eight samples at
 * a time, bit-exact with the scalar passes: as in {@link PackedSixTap}, eight samples are read as
 * four 16-bit lanes (a 64-bit vector) and split into the even and the odd samples, and the sums are
 * kept non-negative by a bias of 64 * 128 (the positive products reach at most 147 * 255, so biased
 * sums fit in 16 unsigned bits and wrap-around in the signed lanes cancels); then shifted right
 * logically by 7, unbiased and clamped. About 1.4x {@link PackedSixTap} per predicted block.
 *
 * <p>JDK 17 pitfalls: each kernel is one flat loop (C2 stops inlining helpers in big loops and then
 * boxes the vectors), and this class uses one vector class only: with a 128-bit {@code ShortVector}
 * for 16-wide blocks beside the 64-bit one, the shared shift and store code lost the exact class
 * and every vector was boxed (4x slower); nor does a 64-bit vector reinterpret to one {@code long}
 * lane.
 */
final class VectorSixTap implements SixTapPasses {
  private static final VectorSpecies<Short> SHORTS_8 = ShortVector.SPECIES_64;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final int[] TAPS = FilterTaps.sixtapFilters();

  /** 64 (rounding) + 64 * 128 (the bias). */
  private static final short ROUND_AND_BIAS = 64 + 64 * 128;

  /** The bias after the shift. */
  private static final short BIAS = 64;

  private static final short LOW = 0xFF;

  VectorSixTap() {}

  @Override
  public void horizontal(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    for (int c = 0; c < w; c += 8) {
      horizontal8(src, off + c, stride, fraction, dst, dstOff + c, dstStride, h);
    }
  }

  @Override
  public void vertical(
      byte[] src,
      int off,
      int stride,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int w,
      int h) {
    for (int c = 0; c < w; c += 8) {
      vertical8(src, off + c, stride, fraction, dst, dstOff + c, dstStride, h);
    }
  }

  private static void horizontal8(
      byte[] src, int off, int stride, int fraction, byte[] dst, int dstOff, int dstStride, int h) {
    int t = fraction * 6;
    short t0 = (short) TAPS[t];
    short t1 = (short) TAPS[t + 1];
    short t2 = (short) TAPS[t + 2];
    short t3 = (short) TAPS[t + 3];
    short t4 = (short) TAPS[t + 4];
    short t5 = (short) TAPS[t + 5];
    for (int r = 0; r < h; r++) {
      int s = off + r * stride - 2;
      // The odd samples from position k are the even ones from position k + 1.
      ShortVector a0 = ShortVector.fromByteArray(SHORTS_8, src, s, LE);
      ShortVector a1 = ShortVector.fromByteArray(SHORTS_8, src, s + 1, LE);
      ShortVector a2 = ShortVector.fromByteArray(SHORTS_8, src, s + 2, LE);
      ShortVector a3 = ShortVector.fromByteArray(SHORTS_8, src, s + 3, LE);
      ShortVector a4 = ShortVector.fromByteArray(SHORTS_8, src, s + 4, LE);
      ShortVector a5 = ShortVector.fromByteArray(SHORTS_8, src, s + 5, LE);
      ShortVector e0 = a0.and(LOW);
      ShortVector e1 = a1.and(LOW);
      ShortVector e2 = a2.and(LOW);
      ShortVector e3 = a3.and(LOW);
      ShortVector e4 = a4.and(LOW);
      ShortVector e5 = a5.and(LOW);
      ShortVector e6 = a5.lanewise(VectorOperators.LSHR, 8);
      ShortVector even =
          e0.mul(t0)
              .add(e1.mul(t1))
              .add(e2.mul(t2))
              .add(e3.mul(t3))
              .add(e4.mul(t4))
              .add(e5.mul(t5))
              .add(ROUND_AND_BIAS)
              .lanewise(VectorOperators.LSHR, 7)
              .sub(BIAS)
              .max((short) 0)
              .min((short) 255);
      ShortVector odd =
          e1.mul(t0)
              .add(e2.mul(t1))
              .add(e3.mul(t2))
              .add(e4.mul(t3))
              .add(e5.mul(t4))
              .add(e6.mul(t5))
              .add(ROUND_AND_BIAS)
              .lanewise(VectorOperators.LSHR, 7)
              .sub(BIAS)
              .max((short) 0)
              .min((short) 255);
      even.or(odd.lanewise(VectorOperators.LSHL, 8)).intoByteArray(dst, dstOff + r * dstStride, LE);
    }
  }

  private static void vertical8(
      byte[] src, int off, int stride, int fraction, byte[] dst, int dstOff, int dstStride, int h) {
    int t = fraction * 6;
    short t0 = (short) TAPS[t];
    short t1 = (short) TAPS[t + 1];
    short t2 = (short) TAPS[t + 2];
    short t3 = (short) TAPS[t + 3];
    short t4 = (short) TAPS[t + 4];
    short t5 = (short) TAPS[t + 5];
    int s = off - 2 * stride;
    ShortVector a0 = ShortVector.fromByteArray(SHORTS_8, src, s, LE);
    ShortVector a1 = ShortVector.fromByteArray(SHORTS_8, src, s + stride, LE);
    ShortVector a2 = ShortVector.fromByteArray(SHORTS_8, src, s + 2 * stride, LE);
    ShortVector a3 = ShortVector.fromByteArray(SHORTS_8, src, s + 3 * stride, LE);
    ShortVector a4 = ShortVector.fromByteArray(SHORTS_8, src, s + 4 * stride, LE);
    ShortVector e0 = a0.and(LOW);
    ShortVector e1 = a1.and(LOW);
    ShortVector e2 = a2.and(LOW);
    ShortVector e3 = a3.and(LOW);
    ShortVector e4 = a4.and(LOW);
    ShortVector o0 = a0.lanewise(VectorOperators.LSHR, 8);
    ShortVector o1 = a1.lanewise(VectorOperators.LSHR, 8);
    ShortVector o2 = a2.lanewise(VectorOperators.LSHR, 8);
    ShortVector o3 = a3.lanewise(VectorOperators.LSHR, 8);
    ShortVector o4 = a4.lanewise(VectorOperators.LSHR, 8);
    s += 5 * stride;
    int d = dstOff;
    for (int r = 0; r < h; r++, s += stride, d += dstStride) {
      ShortVector a5 = ShortVector.fromByteArray(SHORTS_8, src, s, LE);
      ShortVector e5 = a5.and(LOW);
      ShortVector o5 = a5.lanewise(VectorOperators.LSHR, 8);
      ShortVector even =
          e0.mul(t0)
              .add(e1.mul(t1))
              .add(e2.mul(t2))
              .add(e3.mul(t3))
              .add(e4.mul(t4))
              .add(e5.mul(t5))
              .add(ROUND_AND_BIAS)
              .lanewise(VectorOperators.LSHR, 7)
              .sub(BIAS)
              .max((short) 0)
              .min((short) 255);
      ShortVector odd =
          o0.mul(t0)
              .add(o1.mul(t1))
              .add(o2.mul(t2))
              .add(o3.mul(t3))
              .add(o4.mul(t4))
              .add(o5.mul(t5))
              .add(ROUND_AND_BIAS)
              .lanewise(VectorOperators.LSHR, 7)
              .sub(BIAS)
              .max((short) 0)
              .min((short) 255);
      even.or(odd.lanewise(VectorOperators.LSHL, 8)).intoByteArray(dst, d, LE);
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
