package org.excamera.codec.recon;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2S;
import static jdk.incubator.vector.VectorOperators.S2B;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;
import org.excamera.codec.tables.FilterTaps;

/**
 * The six-tap passes of {@link SixTapFilter} (RFC 6386 §18.3) for 8- and 16-wide blocks with the
 * Vector API, a row of sixteen samples at a time, bit-exact with the scalar passes. Samples become
 * signed values {@code u - 128} in 16-bit lanes: the taps sum to 128, so the filtered value is
 * {@code ((sum of taps * (u - 128) + 64) >> 7) + 128}, and the clamp to 0..255 is a clamp to
 * -128..127 before the sign bit is flipped back (the sums stay within ±24576).
 *
 * <p>Only the vector classes and operations of the vector loop filter ({@code
 * org.excamera.codec.loopfilter.VectorEdgeFilters}: 128-bit bytes widened to 256-bit shorts) are
 * used: C2 intrinsifies a Vector API call only where it knows the vector's exact class, and an
 * earlier six-tap on 64-bit vectors, beside the loop filter's classes, made shared methods such as
 * {@code ShortVector.lanewise} lose it and run as boxed Java. Each pass is one flat loop with no
 * vector carried from one iteration to the next; the horizontal and the vertical pass are one
 * method, the distance between taps a parameter.
 */
final class VectorSixTap implements SixTapPasses {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
  private static final VectorSpecies<Short> LANES = ShortVector.SPECIES_256;
  private static final ShortVector MIN = ShortVector.broadcast(LANES, (short) -128);
  private static final ShortVector MAX = ShortVector.broadcast(LANES, (short) 127);
  private static final int[] TAPS = FilterTaps.sixtapFilters();

  /** Row length of the intermediate rows in the scratch. */
  private static final int LINE = 16;

  /** Xor'ed into a sample for its signed value {@code u - 128}, and back. */
  private static final byte SIGN = (byte) 0x80;

  VectorSixTap() {}

  @Override
  public void predict(
      byte[] src,
      int off,
      int stride,
      int mx,
      int my,
      int w,
      int h,
      byte[] scratch,
      byte[] dst,
      int dstOff,
      int dstStride) {
    // An 8-wide block is filtered as 16 samples a row, the right half from the reference's next 8
    // samples, and each row's left half is stored through scratch[tmp] (see SixTapPasses).
    boolean narrow = w == 8;
    int tmp = LINE * (h + 5);
    if (my == 0) {
      pass(src, off, stride, 1, mx, dst, dstOff, dstStride, h, narrow, scratch, tmp);
    } else if (mx == 0) {
      pass(src, off, stride, stride, my, dst, dstOff, dstStride, h, narrow, scratch, tmp);
    } else {
      pass(src, off - 2 * stride, stride, 1, mx, scratch, 0, LINE, h + 5, false, scratch, tmp);
      pass(scratch, 2 * LINE, LINE, LINE, my, dst, dstOff, dstStride, h, narrow, scratch, tmp);
    }
  }

  /**
   * Filters {@code h} rows of 16 samples, each output from the six samples {@code step} apart
   * around it: along the rows for {@code step == 1}, down the columns for {@code step == stride}.
   * With {@code narrow}, stores only the left 8 of each row, through {@code scratch[tmp..tmp +
   * 15]}.
   */
  private static void pass(
      byte[] src,
      int off,
      int stride,
      int step,
      int fraction,
      byte[] dst,
      int dstOff,
      int dstStride,
      int h,
      boolean narrow,
      byte[] scratch,
      int tmp) {
    int t = fraction * 6;
    short t0 = (short) TAPS[t];
    short t1 = (short) TAPS[t + 1];
    short t2 = (short) TAPS[t + 2];
    short t3 = (short) TAPS[t + 3];
    short t4 = (short) TAPS[t + 4];
    short t5 = (short) TAPS[t + 5];
    for (int r = 0; r < h; r++) {
      int s = off + r * stride;
      ShortVector a0 = signed(src, s - 2 * step);
      ShortVector a1 = signed(src, s - step);
      ShortVector a2 = signed(src, s);
      ShortVector a3 = signed(src, s + step);
      ShortVector a4 = signed(src, s + 2 * step);
      ShortVector a5 = signed(src, s + 3 * step);
      ShortVector sum =
          a0.mul(t0)
              .add(a1.mul(t1))
              .add(a2.mul(t2))
              .add(a3.mul(t3))
              .add(a4.mul(t4))
              .add(a5.mul(t5))
              .add((short) 64)
              .lanewise(ASHR, 7);
      ByteVector out =
          ((ByteVector) sum.max(MIN).min(MAX).convertShape(S2B, BYTES, 0)).lanewise(XOR, SIGN);
      if (narrow) {
        out.intoArray(scratch, tmp);
        LONGS.set(dst, dstOff + r * dstStride, (long) LONGS.get(scratch, tmp));
      } else {
        out.intoArray(dst, dstOff + r * dstStride);
      }
    }
  }

  /** The 16 samples at {@code a[off]} as signed values {@code u - 128} in 16-bit lanes. */
  private static ShortVector signed(byte[] a, int off) {
    return (ShortVector)
        ByteVector.fromArray(BYTES, a, off).lanewise(XOR, SIGN).convertShape(B2S, LANES, 0);
  }
}
