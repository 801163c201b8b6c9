package org.excamera.codec.syntax;

import java.util.Arrays;

/** Mutable coefficients of a frame; {@link #build()} freezes them into {@link Residuals}. */
public final class ResidualsBuilder {
  private final int count;
  short[] coeffs;
  byte[] ends;
  private boolean built;

  /** All blocks of {@code count} macroblocks empty. */
  public ResidualsBuilder(int count) {
    this(count, new short[count * Residuals.BLOCKS * 16], new byte[count * Residuals.BLOCKS]);
  }

  ResidualsBuilder(int count, short[] coeffs, byte[] ends) {
    this.count = count;
    this.coeffs = coeffs;
    this.ends = ends;
  }

  private void check() {
    if (built) {
      throw new IllegalStateException("this ResidualsBuilder has been built");
    }
  }

  /**
   * Sets a block from 16 coefficients in token order; its end becomes one past the last nonzero
   * coefficient at or after {@code first} (0 if none).
   */
  public ResidualsBuilder block(int mb, int block, short[] tokenOrder, int first) {
    check();
    int base = (mb * Residuals.BLOCKS + block) * 16;
    int end = 0;
    for (int i = 0; i < 16; i++) {
      short c = i < first ? 0 : tokenOrder[i];
      coeffs[base + i] = c;
      if (c != 0) {
        end = i + 1;
      }
    }
    ends[mb * Residuals.BLOCKS + block] = (byte) end;
    return this;
  }

  /** Sets a block's coefficients and its end exactly as given (for parsers). */
  public ResidualsBuilder blockWithEnd(int mb, int block, short[] tokenOrder, int end) {
    check();
    if (end < 0 || end > 16) {
      throw new IllegalArgumentException("block end out of range: " + end);
    }
    System.arraycopy(tokenOrder, 0, coeffs, (mb * Residuals.BLOCKS + block) * 16, 16);
    ends[mb * Residuals.BLOCKS + block] = (byte) end;
    return this;
  }

  /** Empties all blocks of a macroblock. */
  public ResidualsBuilder clear(int mb) {
    check();
    Arrays.fill(coeffs, mb * Residuals.BLOCKS * 16, (mb + 1) * Residuals.BLOCKS * 16, (short) 0);
    Arrays.fill(ends, mb * Residuals.BLOCKS, (mb + 1) * Residuals.BLOCKS, (byte) 0);
    return this;
  }

  /** Freezes the coefficients. */
  public Residuals build() {
    check();
    built = true;
    return Residuals.ofDense(count, coeffs, ends);
  }
}
