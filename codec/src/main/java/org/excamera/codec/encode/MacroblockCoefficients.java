package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.syntax.ResidualsBuilder;

/**
 * The quantized coefficients of one macroblock in the layout of {@link Residuals}: 25 blocks (0..15
 * Y, 16..19 U, 20..23 V, 24 Y2) of 16 values in token (zigzag) order, and each block's end (one
 * past the last nonzero coded position, 0 if none). Y blocks of a macroblock with a Y2 block start
 * at position 1 and hold 0 at position 0. A mutable scratch value, reused macroblock after
 * macroblock; {@link MacroblockResidualCoder} fills it.
 */
public final class MacroblockCoefficients {
  final short[] coeffs = new short[Residuals.BLOCKS * 16];
  final byte[] ends = new byte[Residuals.BLOCKS];
  private final short[] block = new short[16];

  /** Empties every block. */
  public void clear() {
    Arrays.fill(coeffs, (short) 0);
    Arrays.fill(ends, (byte) 0);
  }

  /** Coefficient at token position {@code pos} of {@code block}. */
  public int coefficient(int block, int pos) {
    return coeffs[block * 16 + pos];
  }

  /** End of a block's tokens (0 = empty). */
  public int end(int block) {
    return ends[block];
  }

  /**
   * The backing array of all 400 coefficients (block {@code b} at offset {@code 16·b}), for cost
   * estimates such as {@link TokenCosts#blockCost}; read only.
   */
  public short[] coefficientsUnsafe() {
    return coeffs;
  }

  /** Whether no block has a nonzero coefficient, so the macroblock may be coded as skipped. */
  public boolean isEmpty() {
    for (byte e : ends) {
      if (e != 0) {
        return false;
      }
    }
    return true;
  }

  /** Copies every block into macroblock {@code mb} of {@code out}. */
  public void copyTo(ResidualsBuilder out, int mb) {
    for (int b = 0; b < Residuals.BLOCKS; b++) {
      System.arraycopy(coeffs, b * 16, block, 0, 16);
      out.blockWithEnd(mb, b, block, ends[b]);
    }
  }

  /** Copies macroblock {@code mb} of {@code in} into this. */
  public void copyFrom(Residuals in, int mb) {
    for (int b = 0; b < Residuals.BLOCKS; b++) {
      ends[b] = (byte) in.copyBlock(mb, b, coeffs, b * 16);
    }
  }
}
