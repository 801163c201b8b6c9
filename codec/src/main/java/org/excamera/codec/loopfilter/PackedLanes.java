package org.excamera.codec.loopfilter;

/**
 * Arithmetic on four 16-bit lanes of a {@code long} (SWAR), as the packed edge kernels use it.
 * Lanes hold small non-negative values; a sum or difference of such longs is exact lane by lane as
 * long as every lane of the result lies in 0..0xFFFF, whatever the intermediate carries and borrows
 * (the arithmetic is modulo 2^64). Comparisons put their answer in bit 15 of each lane; {@link
 * #mask} spreads it over the lane.
 */
final class PackedLanes {
  /** 1 in every lane. */
  static final long ONES = 0x0001_0001_0001_0001L;

  /** The low byte of every lane. */
  static final long LOW_BYTES = 0x00FF_00FF_00FF_00FFL;

  /**
   * Bits 8..15 of every lane: where an unbiased value lies outside 0..255 (see {@link #BYTE_BIAS}).
   */
  static final long HIGH_BYTES = 0xFF00_FF00_FF00_FF00L;

  /**
   * The offset 256 of {@link #clampByte}'s lanes. An offset lane xor this is the value itself when
   * it lies in 0..255, and has a bit of {@link #HIGH_BYTES} set otherwise, so a group that needs no
   * clamp is found with one test.
   */
  static final long BYTE_BIAS = 0x0100_0100_0100_0100L;

  /** The offset 1024 of {@link #clampWide}'s lanes, used as {@link #BYTE_BIAS} is. */
  static final long WIDE_BIAS = 0x0400_0400_0400_0400L;

  private static final long SIGNS = 0x8000_8000_8000_8000L;
  private static final long UNIT_SWAP = 0x0000_FFFF_0000_FFFFL;
  private static final long HALF_SWAP = 0x0000_0000_FFFF_FFFFL;

  private PackedLanes() {}

  /** {@code v} (0..0xFFFF) in every lane. */
  static long rep(int v) {
    return v * ONES;
  }

  /** Bytes {@code shift / 8}, +2, +4 and +6 of an 8-byte group, one per lane. */
  static long unpack(long bytes, int shift) {
    return (bytes >>> shift) & LOW_BYTES;
  }

  /**
   * Bit 15 of a lane set where {@code |a - b| > limit}, for {@code bias = rep(0x7FFF - limit)} and
   * lanes with {@code |a - b| + limit < 0x7FFF} (as for pixels, limit 0..255, and the edge test's
   * sums up to 1275 with a limit up to 387); the other bits are noise.
   */
  static long exceeds(long a, long b, long bias) {
    return ((a + bias) - b) | ((b + bias) - a);
  }

  /** 0xFFFF in the lanes whose bit 15 is set, 0 in the others. */
  static long mask(long flags) {
    return ((flags & SIGNS) >>> 15) * 0xFFFF;
  }

  /** Lanes of {@code a} where {@code mask} is set, of {@code b} elsewhere. */
  static long select(long mask, long a, long b) {
    return b ^ ((a ^ b) & mask);
  }

  /** {@code clamp(u, 0, 255)} of lanes {@code u + 256}, u in -256..511. */
  static long clampByte(long biased) {
    long in = ((biased >>> 8) & ONES) * 0xFF; // bit 8: u in 0..255 (or 256..511, then or'ed up)
    long over = ((biased >>> 9) & ONES) * 0xFF; // bit 9: u >= 256
    return (biased & in) | over;
  }

  /** {@code clamp(u, 0, 255)} of lanes {@code u + 1024}, u in -1024..30000. */
  static long clampWide(long biased) {
    long notNegative = biased + rep(0x8000 - 1024);
    long over = biased + rep(0x8000 - 1024 - 256);
    long in = (((notNegative ^ over) & SIGNS) >>> 15) * 0xFF;
    // 1024 is a multiple of 256, so the low byte of an in-range lane is u itself.
    return (biased & in) | (((over & SIGNS) >>> 15) * 0xFF);
  }

  /**
   * {@code clamp(t - 128, -128, 127) >> 3} plus 16 (0..31), of lanes {@code t} = 0..259: libvpx's
   * {@code vp8_signed_char_clamp(f + 4) >> 3} for {@code t = f + 128 + 4}, which only overflows at
   * the top.
   */
  static long shiftedTap(long t) {
    return ((t >>> 3) & rep(0x3F)) - ((t >>> 8) & ONES);
  }

  /**
   * Transposes the 4x4 16-bit units of {@code g[at..at+3]} in place: unit {@code j} of {@code g[at
   * + k]} and unit {@code k} of {@code g[at + j]} swap places. It undoes itself.
   */
  static void transposeUnits(long[] g, int at) {
    long r0 = g[at];
    long r1 = g[at + 1];
    long r2 = g[at + 2];
    long r3 = g[at + 3];
    // Swap units between row pairs, then 32-bit halves between pairs of pairs.
    long t = ((r0 >>> 16) ^ r1) & UNIT_SWAP;
    r1 ^= t;
    r0 ^= t << 16;
    t = ((r2 >>> 16) ^ r3) & UNIT_SWAP;
    r3 ^= t;
    r2 ^= t << 16;
    t = ((r0 >>> 32) ^ r2) & HALF_SWAP;
    r2 ^= t;
    r0 ^= t << 32;
    t = ((r1 >>> 32) ^ r3) & HALF_SWAP;
    r3 ^= t;
    r1 ^= t << 32;
    g[at] = r0;
    g[at + 1] = r1;
    g[at + 2] = r2;
    g[at + 3] = r3;
  }
}
