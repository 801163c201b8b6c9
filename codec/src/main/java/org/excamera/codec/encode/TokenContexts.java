package org.excamera.codec.encode;

import java.util.Arrays;

/**
 * The first-token contexts of a frame's blocks (RFC 6386 §13.3): for each block, whether its above
 * and left neighbours in the same plane (Y, U, V, or the Y2 blocks of neighbouring macroblocks that
 * have one) had coefficients. Nine flags per macroblock column above (4 Y, 2 U, 2 V, Y2) and nine
 * to the left, as the token writer keeps them. Call {@link #startRow} at each macroblock row and
 * {@link #startMacroblock} before each macroblock; a coder then reads {@link #context} and records
 * each block's outcome with {@link #set}. A skipped macroblock leaves the same contexts as one
 * whose blocks are all empty, so the choice of skip coding does not change them.
 */
public final class TokenContexts {
  private final byte[] above;
  private final byte[] left = new byte[9];
  private int column;

  /** Contexts for a frame {@code mbCols} macroblocks wide, all clear. */
  public TokenContexts(int mbCols) {
    above = new byte[mbCols * 9];
  }

  /** Clears the left contexts (start of a macroblock row); the first row also clears above. */
  public void startRow(int row) {
    Arrays.fill(left, (byte) 0);
    if (row == 0) {
      Arrays.fill(above, (byte) 0);
    }
  }

  /** Selects macroblock column {@code col}. */
  public void startMacroblock(int col) {
    column = col;
  }

  /** The context (0..2) of block {@code b} (0..15 Y, 16..23 U/V, 24 Y2) of this macroblock. */
  public int context(int b) {
    return above[column * 9 + TokenBranchCounts.aboveSlot(b)] + left[TokenBranchCounts.leftSlot(b)];
  }

  /** Records whether block {@code b} has coefficients. */
  public void set(int b, boolean nonzero) {
    byte v = (byte) (nonzero ? 1 : 0);
    above[column * 9 + TokenBranchCounts.aboveSlot(b)] = v;
    left[TokenBranchCounts.leftSlot(b)] = v;
  }

  /** Saves this macroblock's 18 flags (9 above, 9 left) into {@code into}, for trial codings. */
  public void save(byte[] into) {
    System.arraycopy(above, column * 9, into, 0, 9);
    System.arraycopy(left, 0, into, 9, 9);
  }

  /** Restores flags saved by {@link #save}. */
  public void restore(byte[] from) {
    System.arraycopy(from, 0, above, column * 9, 9);
    System.arraycopy(from, 9, left, 0, 9);
  }
}
