package org.excamera.codec.syntax;

import java.util.Arrays;

/**
 * The quantized DCT/WHT coefficients of every macroblock of a frame (RFC 6386 §13), as the token
 * partitions code them. Each macroblock has 25 blocks: 0..15 Y, 16..19 U, 20..23 V, 24 Y2; each
 * block 16 coefficients in token (zigzag) order, and its end: the number of token positions coded
 * (0 when the block's first token is EOB, otherwise one past the last coded token, which must be
 * nonzero unless the end is 16). Y blocks of a macroblock with Y2 start at position 1. Immutable;
 * edit through {@link #toBuilder()}.
 *
 * <p>Layout: only macroblocks with tokens hold coefficients, 25 x 16 shorts each from {@code
 * base[mb]} of {@code coeffs} ({@code base[mb] == -1}: every coefficient of the macroblock is 0).
 * Most macroblocks of a typical interframe have none, so the parser neither allocates nor clears
 * their 400 shorts.
 */
public final class Residuals {
  /** Blocks per macroblock. */
  public static final int BLOCKS = 25;

  /** Index of the Y2 block. */
  public static final int Y2 = 24;

  /** Coefficients per macroblock. */
  static final int MB_COEFFS = BLOCKS * 16;

  final int count;
  final short[] coeffs;
  final int[] base;
  final byte[] ends;

  /** Coefficients as laid out by {@code base}; {@code base[mb]} must be -1 iff all ends are 0. */
  Residuals(int count, short[] coeffs, int[] base, byte[] ends) {
    this.count = count;
    this.coeffs = coeffs;
    this.base = base;
    this.ends = ends;
  }

  /** Dense coefficients, 400 per macroblock in macroblock order. */
  static Residuals ofDense(int count, short[] dense, byte[] ends) {
    int[] base = new int[count];
    for (int mb = 0; mb < count; mb++) {
      base[mb] = -1;
      for (int b = 0; b < BLOCKS; b++) {
        if (ends[mb * BLOCKS + b] != 0) {
          base[mb] = mb * MB_COEFFS;
          break;
        }
      }
    }
    return new Residuals(count, dense, base, ends);
  }

  /** Number of macroblocks. */
  public int count() {
    return count;
  }

  /** Coefficient at token position {@code pos} of a block. */
  public int coefficient(int mb, int block, int pos) {
    int o = base[mb];
    return o < 0 ? 0 : coeffs[o + block * 16 + pos];
  }

  /** End of a block's tokens (0 = empty). */
  public int end(int mb, int block) {
    return ends[mb * BLOCKS + block];
  }

  /** Copies a block's 16 coefficients (token order) into dst and returns its end. */
  public int copyBlock(int mb, int block, short[] dst, int dstOffset) {
    int o = base[mb];
    if (o < 0) {
      Arrays.fill(dst, dstOffset, dstOffset + 16, (short) 0);
    } else {
      System.arraycopy(coeffs, o + block * 16, dst, dstOffset, 16);
    }
    return ends[mb * BLOCKS + block];
  }

  /** Copies all 25 blocks of a macroblock into dst (400 shorts) and their ends into ends. */
  public void copyMacroblock(int mb, short[] dst, byte[] endsOut) {
    int o = base[mb];
    if (o < 0) {
      Arrays.fill(dst, 0, MB_COEFFS, (short) 0);
    } else {
      System.arraycopy(coeffs, o, dst, 0, MB_COEFFS);
    }
    System.arraycopy(ends, mb * BLOCKS, endsOut, 0, BLOCKS);
  }

  /** Whether any block of the macroblock has tokens. */
  public boolean hasTokens(int mb) {
    return base[mb] >= 0;
  }

  /**
   * The backing array of the coefficients, for the reconstruction's inner loops; never to be
   * written. Block {@code b} of a macroblock with tokens starts at {@link #offset}{@code (mb) + 16
   * * b}.
   */
  public short[] coefficientsUnsafe() {
    return coeffs;
  }

  /**
   * Start of a macroblock's 400 coefficients in {@link #coefficientsUnsafe()}; -1 if it has none.
   */
  public int offset(int mb) {
    return base[mb];
  }

  /** A builder holding a copy of these coefficients. */
  public ResidualsBuilder toBuilder() {
    short[] dense = new short[count * MB_COEFFS];
    for (int mb = 0; mb < count; mb++) {
      if (base[mb] >= 0) {
        System.arraycopy(coeffs, base[mb], dense, mb * MB_COEFFS, MB_COEFFS);
      }
    }
    return new ResidualsBuilder(count, dense, ends.clone());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Residuals r) || r.count != count || !Arrays.equals(r.ends, ends)) {
      return false;
    }
    for (int mb = 0; mb < count; mb++) {
      if (r.base[mb] < 0 != base[mb] < 0) {
        return false;
      }
      if (base[mb] >= 0
          && !Arrays.equals(
              coeffs,
              base[mb],
              base[mb] + MB_COEFFS,
              r.coeffs,
              r.base[mb],
              r.base[mb] + MB_COEFFS)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    return "Residuals[" + count + " macroblocks]";
  }
}
