package org.excamera.codec.loopfilter;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2S;
import static jdk.incubator.vector.VectorOperators.S2B;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loop filter edge kernels (simple filter, normal filter across macroblock and subblock edges)
 * for sixteen positions of an edge at once, written as libvpx's C (RFC 6386 §15.2–15.3): pixels
 * become signed values {@code u - 128} in 16-bit lanes, and every {@code vp8_signed_char_clamp} is
 * a clamp to -128..127. Position {@code i} of an edge is the segment {@code a[o + i + k * step]}, k
 * = -4..3, with q0 at k = 0: {@code step} is the stride for a horizontal edge of a picture, or 16
 * for a transposed block ({@link VectorMacroblockFilter}).
 *
 * <p>Each kernel is one flat method on purpose. C2 stops inlining ordinary methods into a
 * compilation once it has created 18000 nodes (NodeCountInliningCutoff; the Vector API's own
 * methods are force-inlined past it), and a vector passed to or returned from a method that was not
 * inlined is boxed, which is many times slower than the scalar code. A kernel of about a hundred
 * vector operations reaches that limit, so it must not call helpers that take or return vectors.
 * Nor can the two normal filters be one method with a flag: C1 gives up on so large a method ("out
 * of virtual registers") and then C2 never compiles it either.
 */
final class VectorEdgeFilters {
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
  private static final VectorSpecies<Short> LANES = ShortVector.SPECIES_256;
  private static final ShortVector ZERO = ShortVector.zero(LANES);
  private static final ShortVector MIN = ShortVector.broadcast(LANES, (short) -128);
  private static final ShortVector MAX = ShortVector.broadcast(LANES, (short) 127);

  /** Xor'ed into a pixel for its signed value {@code u - 128}, and back. */
  private static final byte SIGN = (byte) 0x80;

  private VectorEdgeFilters() {}

  /**
   * The normal filter across a macroblock edge ({@code vp8_mbfilter}); false if no position passed
   * the mask, and then nothing was written.
   */
  static boolean macroblock(
      byte[] a, int o, int step, int edgeLimit, int interiorLimit, int hevThreshold) {
    ShortVector p3 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 4 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p2 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 3 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 2 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o).lanewise(XOR, SIGN).convertShape(B2S, LANES, 0);
    ShortVector q1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q2 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + 2 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q3 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + 3 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    // The mask: no interior difference over the interior limit and the edge difference |p0 - q0| *
    // 2 + |p1 - q1| / 2 within the edge limit, tested at once as max(m + edgeLimit -
    // interiorLimit, e) <= edgeLimit for the largest interior difference m and edge difference e.
    ShortVector nearP = p1.sub(p0).abs();
    ShortVector nearQ = q1.sub(q0).abs();
    ShortVector m =
        p3.sub(p2)
            .abs()
            .max(p2.sub(p1).abs())
            .max(nearP)
            .max(nearQ)
            .max(q2.sub(q1).abs())
            .max(q3.sub(q2).abs());
    ShortVector e = p0.sub(q0).abs();
    e = e.add(e).add(p1.sub(q1).abs().lanewise(ASHR, 1));
    VectorMask<Short> pass =
        m.add((short) (edgeLimit - interiorLimit))
            .max(e)
            .compare(VectorOperators.LE, (short) edgeLimit);
    if (!pass.anyTrue()) {
      return false;
    }
    VectorMask<Short> hev = nearP.max(nearQ).compare(VectorOperators.GT, (short) hevThreshold);
    ShortVector d = q0.sub(p0);
    ShortVector outer = p1.sub(q1).max(MIN).min(MAX);
    // w = clamp(clamp(p1 - q1) + 3 * (q0 - p0)), where the mask passes. With high edge variance
    // only p0 and q0 move, by Filter2 = clamp(w + 3) >> 3 and Filter1 = clamp(w + 4) >> 3 (w + 3
    // and w + 4 can only overflow at the top). Elsewhere the wide filter moves three pixels a
    // side by (27w + 63) >> 7, (18w + 63) >> 7 and (9w + 63) >> 7. Lanes not taking a branch
    // see w = 0 there, which moves nothing; so p0 and q0 move by the sum of both amounts, one
    // of them 0, with one clamp where libvpx clamps after each.
    ShortVector w = ZERO.blend(outer.add(d).add(d).add(d).max(MIN).min(MAX), pass);
    ShortVector sharp = ZERO.blend(w, hev);
    ShortVector wide = w.blend(ZERO, hev);
    ShortVector u27 = wide.mul((short) 27).add((short) 63).lanewise(ASHR, 7);
    ShortVector u18 = wide.mul((short) 18).add((short) 63).lanewise(ASHR, 7);
    ShortVector u9 = wide.mul((short) 9).add((short) 63).lanewise(ASHR, 7);
    ShortVector moveQ0 = sharp.add((short) 4).min(MAX).lanewise(ASHR, 3).add(u27);
    ShortVector moveP0 = sharp.add((short) 3).min(MAX).lanewise(ASHR, 3).add(u27);
    ((ByteVector) p2.add(u9).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - 3 * step);
    ((ByteVector) p1.add(u18).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - 2 * step);
    ((ByteVector) p0.add(moveP0).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - step);
    ((ByteVector) q0.sub(moveQ0).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o);
    ((ByteVector) q1.sub(u18).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o + step);
    ((ByteVector) q2.sub(u9).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o + 2 * step);
    return true;
  }

  /**
   * The normal filter across a subblock edge ({@code vp8_loop_filter_c}'s {@code vp8_filter});
   * false if no position passed the mask, and then nothing was written. The loads and the mask are
   * those of {@link #macroblock}, repeated: see the class comment for why.
   */
  static boolean subblock(
      byte[] a, int o, int step, int edgeLimit, int interiorLimit, int hevThreshold) {
    ShortVector p3 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 4 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p2 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 3 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 2 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o).lanewise(XOR, SIGN).convertShape(B2S, LANES, 0);
    ShortVector q1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q2 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + 2 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q3 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + 3 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    // The mask: no interior difference over the interior limit and the edge difference |p0 - q0| *
    // 2 + |p1 - q1| / 2 within the edge limit, tested at once as max(m + edgeLimit -
    // interiorLimit, e) <= edgeLimit for the largest interior difference m and edge difference e.
    ShortVector nearP = p1.sub(p0).abs();
    ShortVector nearQ = q1.sub(q0).abs();
    ShortVector m =
        p3.sub(p2)
            .abs()
            .max(p2.sub(p1).abs())
            .max(nearP)
            .max(nearQ)
            .max(q2.sub(q1).abs())
            .max(q3.sub(q2).abs());
    ShortVector e = p0.sub(q0).abs();
    e = e.add(e).add(p1.sub(q1).abs().lanewise(ASHR, 1));
    VectorMask<Short> pass =
        m.add((short) (edgeLimit - interiorLimit))
            .max(e)
            .compare(VectorOperators.LE, (short) edgeLimit);
    if (!pass.anyTrue()) {
      return false;
    }
    VectorMask<Short> hev = nearP.max(nearQ).compare(VectorOperators.GT, (short) hevThreshold);
    ShortVector d = q0.sub(p0);
    ShortVector outer = p1.sub(q1).max(MIN).min(MAX);
    // w = clamp((hev ? clamp(p1 - q1) : 0) + 3 * (q0 - p0)), where the mask passes; p0 and q0
    // move by Filter2 and Filter1, and without high edge variance p1 and q1 by (Filter1 + 1) >>
    // 1.
    ShortVector w = ZERO.blend(outer, hev).add(d).add(d).add(d).max(MIN).min(MAX);
    w = ZERO.blend(w, pass);
    ShortVector f1 = w.add((short) 4).min(MAX).lanewise(ASHR, 3);
    ShortVector f2 = w.add((short) 3).min(MAX).lanewise(ASHR, 3);
    ShortVector a1 = f1.add((short) 1).lanewise(ASHR, 1).blend(ZERO, hev);
    ((ByteVector) p1.add(a1).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - 2 * step);
    ((ByteVector) p0.add(f2).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - step);
    ((ByteVector) q0.sub(f1).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o);
    ((ByteVector) q1.sub(a1).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o + step);
    return true;
  }

  /**
   * The simple filter ({@code vp8_loop_filter_simple_horizontal_edge_c}); false if no position
   * passed the edge limit, and then nothing was written.
   */
  static boolean simple(byte[] a, int o, int step, int edgeLimit) {
    ShortVector p1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - 2 * step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector p0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o - step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector q0 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o).lanewise(XOR, SIGN).convertShape(B2S, LANES, 0);
    ShortVector q1 =
        (ShortVector)
            ByteVector.fromArray(BYTES, a, o + step)
                .lanewise(XOR, SIGN)
                .convertShape(B2S, LANES, 0);
    ShortVector e = p0.sub(q0).abs();
    e = e.add(e).add(p1.sub(q1).abs().lanewise(ASHR, 1));
    VectorMask<Short> pass = e.compare(VectorOperators.LE, (short) edgeLimit);
    if (!pass.anyTrue()) {
      return false;
    }
    ShortVector d = q0.sub(p0);
    ShortVector w = p1.sub(q1).max(MIN).min(MAX).add(d).add(d).add(d).max(MIN).min(MAX);
    w = ZERO.blend(w, pass);
    ShortVector f1 = w.add((short) 4).min(MAX).lanewise(ASHR, 3);
    ShortVector f2 = w.add((short) 3).min(MAX).lanewise(ASHR, 3);
    ((ByteVector) p0.add(f2).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o - step);
    ((ByteVector) q0.sub(f1).max(MIN).min(MAX).convertShape(S2B, BYTES, 0))
        .lanewise(XOR, SIGN)
        .intoArray(a, o);
    return true;
  }
}
