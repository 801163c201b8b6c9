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

  private static final long SIGNS = 0x8000_8000_8000_8000L;
  private static final long BYTE_SWAP = 0x00FF_00FF_00FF_00FFL;
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
   * {@code bytes} with the lanes of {@code lanes} (each 0..255) put back where {@link #unpack} took
   * them.
   */
  static long repack(long bytes, int shift, long lanes) {
    return (bytes & ~(LOW_BYTES << shift)) | (lanes << shift);
  }

  /**
   * Bit 15 of a lane set where {@code |a - b| > limit}, for lanes 0..255 and {@code bias =
   * rep(0x7FFF - limit)}, limit 0..255; the other bits are noise.
   */
  static long exceeds(long a, long b, long bias) {
    return ((a + bias) - b) | ((b + bias) - a);
  }

  /** {@code |a - b|} for lanes 0..255. */
  static long absDiff(long a, long b) {
    long x = a + rep(0x100) - b; // a - b + 256: 1..511
    long below = ((x >>> 8) & ONES) ^ ONES; // 1 where a < b
    // a >= b: x - 256; a < b: (0x1FF - x) - 255 = 256 - x.
    return (x ^ (below * 0x1FF)) - rep(0x100) + below;
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
   * Transposes the 8x8 bytes of {@code g[0..7]} in place: byte {@code j} of {@code g[k]} and byte
   * {@code k} of {@code g[j]} swap places (little-endian byte order). It undoes itself.
   */
  static void transpose(long[] g) {
    long r0 = g[0];
    long r1 = g[1];
    long r2 = g[2];
    long r3 = g[3];
    long r4 = g[4];
    long r5 = g[5];
    long r6 = g[6];
    long r7 = g[7];
    // Swap bytes between row pairs, then 16-bit units between pairs of pairs, then 32-bit halves.
    long t = ((r0 >>> 8) ^ r1) & BYTE_SWAP;
    r1 ^= t;
    r0 ^= t << 8;
    t = ((r2 >>> 8) ^ r3) & BYTE_SWAP;
    r3 ^= t;
    r2 ^= t << 8;
    t = ((r4 >>> 8) ^ r5) & BYTE_SWAP;
    r5 ^= t;
    r4 ^= t << 8;
    t = ((r6 >>> 8) ^ r7) & BYTE_SWAP;
    r7 ^= t;
    r6 ^= t << 8;
    t = ((r0 >>> 16) ^ r2) & UNIT_SWAP;
    r2 ^= t;
    r0 ^= t << 16;
    t = ((r1 >>> 16) ^ r3) & UNIT_SWAP;
    r3 ^= t;
    r1 ^= t << 16;
    t = ((r4 >>> 16) ^ r6) & UNIT_SWAP;
    r6 ^= t;
    r4 ^= t << 16;
    t = ((r5 >>> 16) ^ r7) & UNIT_SWAP;
    r7 ^= t;
    r5 ^= t << 16;
    t = ((r0 >>> 32) ^ r4) & HALF_SWAP;
    r4 ^= t;
    r0 ^= t << 32;
    t = ((r1 >>> 32) ^ r5) & HALF_SWAP;
    r5 ^= t;
    r1 ^= t << 32;
    t = ((r2 >>> 32) ^ r6) & HALF_SWAP;
    r6 ^= t;
    r2 ^= t << 32;
    t = ((r3 >>> 32) ^ r7) & HALF_SWAP;
    r7 ^= t;
    r3 ^= t << 32;
    g[0] = r0;
    g[1] = r1;
    g[2] = r2;
    g[3] = r3;
    g[4] = r4;
    g[5] = r5;
    g[6] = r6;
    g[7] = r7;
  }
}
