package org.excamera.codec.syntax;

import java.util.Arrays;

/**
 * The quantized DCT/WHT coefficients of every macroblock of a frame (RFC 6386 §13), as the token
 * partitions code them. Each macroblock has 25 blocks: 0..15 Y, 16..19 U, 20..23 V, 24 Y2; each
 * block 16 coefficients in token (zigzag) order, and its end: the number of token positions coded
 * (0 when the block's first token is EOB, otherwise one past the last coded token, which must be
 * nonzero unless the end is 16). Y blocks of a macroblock with Y2 start at position 1. Immutable;
 * edit through {@link #toBuilder()}.
 */
public final class Residuals {
  /** Blocks per macroblock. */
  public static final int BLOCKS = 25;

  /** Index of the Y2 block. */
  public static final int Y2 = 24;

  final int count;
  final short[] coeffs;
  final byte[] ends;
  private final boolean[] hasTokens;

  Residuals(int count, short[] coeffs, byte[] ends) {
    this.count = count;
    this.coeffs = coeffs;
    this.ends = ends;
    this.hasTokens = new boolean[count];
    for (int mb = 0; mb < count; mb++) {
      for (int b = 0; b < BLOCKS; b++) {
        if (ends[mb * BLOCKS + b] != 0) {
          hasTokens[mb] = true;
          break;
        }
      }
    }
  }

  /** Number of macroblocks. */
  public int count() {
    return count;
  }

  /** Coefficient at token position {@code pos} of a block. */
  public int coefficient(int mb, int block, int pos) {
    return coeffs[(mb * BLOCKS + block) * 16 + pos];
  }

  /** End of a block's tokens (0 = empty). */
  public int end(int mb, int block) {
    return ends[mb * BLOCKS + block];
  }

  /** Copies a block's 16 coefficients (token order) into dst and returns its end. */
  public int copyBlock(int mb, int block, short[] dst, int dstOffset) {
    int i = mb * BLOCKS + block;
    System.arraycopy(coeffs, i * 16, dst, dstOffset, 16);
    return ends[i];
  }

  /** Copies all 25 blocks of a macroblock into dst (400 shorts) and their ends into ends. */
  public void copyMacroblock(int mb, short[] dst, byte[] endsOut) {
    System.arraycopy(coeffs, mb * BLOCKS * 16, dst, 0, BLOCKS * 16);
    System.arraycopy(ends, mb * BLOCKS, endsOut, 0, BLOCKS);
  }

  /** Whether any block of the macroblock has tokens. */
  public boolean hasTokens(int mb) {
    return hasTokens[mb];
  }

  /** A builder holding a copy of these coefficients. */
  public ResidualsBuilder toBuilder() {
    return new ResidualsBuilder(count, coeffs.clone(), ends.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Residuals r
        && r.count == count
        && Arrays.equals(r.ends, ends)
        && Arrays.equals(r.coeffs, coeffs);
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
