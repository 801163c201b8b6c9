package org.excamera.codec.syntax;

import java.util.Arrays;
import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.tables.CoefficientTables;

/**
 * Reads the DCT/WHT tokens of every macroblock from the token partitions (RFC 6386 §13): macroblock
 * row r uses partition r mod count; within a macroblock the Y2 block (if any) comes first, then 16
 * Y, 4 U and 4 V blocks. The first token's context is the number of neighbouring blocks (above,
 * left; same plane) whose token list was not empty; later contexts are the previous token's
 * magnitude class. After a ZERO token the EOB branch is skipped. Coefficients are stored as
 * decoded, not dequantized.
 */
final class TokenReader {
  private static final int[] BANDS = CoefficientTables.coeffBands();
  private static final int[] CAT_BASE = CoefficientTables.dctCatBase();
  private static final int[][] PCAT = new int[7][];

  static {
    for (int c = 1; c <= 6; c++) {
      PCAT[c] = CoefficientTables.pcat(c);
    }
  }

  /** Above-context slot of each block (4 Y, 2 U, 2 V, Y2), per macroblock column. */
  static final int[] ABOVE_SLOT = new int[25];

  /** Left-context slot of each block. */
  static final int[] LEFT_SLOT = new int[25];

  static {
    for (int b = 0; b < 16; b++) {
      ABOVE_SLOT[b] = b & 3;
      LEFT_SLOT[b] = b >> 2;
    }
    for (int b = 16; b < 24; b++) {
      int plane = b < 20 ? 4 : 6;
      ABOVE_SLOT[b] = plane + (b & 1);
      LEFT_SLOT[b] = plane + ((b - 16) & 3) / 2;
    }
    ABOVE_SLOT[24] = 8;
    LEFT_SLOT[24] = 8;
  }

  private final BoolDecoder[] partitions;
  private final int[] probs;
  private final MacroblockModes modes;
  private final byte[] above;
  private final byte[] left = new byte[9];

  /** A reader of the frame's token partitions, from macroblock row 0 on. */
  TokenReader(BoolDecoder[] partitions, int[] probs, MacroblockModes modes) {
    this.partitions = partitions;
    this.probs = probs;
    this.modes = modes;
    this.above = new byte[modes.mbCols * 9];
  }

  /** Reads the tokens of the whole frame. */
  static Residuals read(BoolDecoder[] partitions, int[] probs, MacroblockModes modes) {
    int n = modes.count();
    // Coefficients only for macroblocks with tokens (see Residuals), so at most one slot per
    // macroblock not marked skip.
    int coded = 0;
    for (int mb = 0; mb < n; mb++) {
      coded += modes.skip[mb] == 0 ? 1 : 0;
    }
    short[] coeffs = new short[coded * Residuals.MB_COEFFS];
    int[] base = new int[n];
    byte[] ends = new byte[n * Residuals.BLOCKS];
    TokenReader reader = new TokenReader(partitions, probs, modes);
    int used = 0;
    for (int row = 0; row < modes.mbRows; row++) {
      used = reader.readRow(row, coeffs, used, base, ends);
    }
    reader.checkPartitions();
    return new Residuals(n, coeffs, base, ends);
  }

  /**
   * Reads the tokens of macroblock row {@code row} (rows must come in order): each macroblock with
   * tokens gets the next 400 coefficients of {@code coeffs} from {@code used} on, its offset in
   * {@code base} and its block ends in {@code ends} (both indexed by raster macroblock; the ends of
   * a row must be all zero before). Every position before a block's end is written (zero tokens
   * too), none after it. Returns the new {@code used}.
   */
  int readRow(int row, short[] coeffs, int used, int[] base, byte[] ends) {
    int mbCols = modes.mbCols;
    BoolDecoder in = partitions[row & (partitions.length - 1)];
    Arrays.fill(left, (byte) 0);
    int mb = row * mbCols;
    for (int col = 0; col < mbCols; col++, mb++) {
      int a = col * 9;
      boolean y2 = modes.hasY2(mb);
      base[mb] = -1;
      int blockBase = mb * Residuals.BLOCKS;
      if (modes.skip[mb] != 0) {
        for (int i = 0; i < 8; i++) {
          above[a + i] = 0;
          left[i] = 0;
        }
        if (y2) {
          above[a + 8] = 0;
          left[8] = 0;
        }
        continue;
      }
      int firstY;
      int typeY;
      int any = 0;
      if (y2) {
        int ctx = above[a + 8] + left[8];
        int e =
            readBlock(
                in, probs, CoefficientTables.TYPE_Y2, ctx, 0, coeffs, used + Residuals.Y2 * 16);
        ends[blockBase + 24] = (byte) e;
        any |= e;
        above[a + 8] = left[8] = (byte) (e > 0 ? 1 : 0);
        firstY = 1;
        typeY = CoefficientTables.TYPE_Y_AFTER_Y2;
      } else {
        firstY = 0;
        typeY = CoefficientTables.TYPE_Y_WITH_DC;
      }
      for (int b = 0; b < 24; b++) {
        int as = a + ABOVE_SLOT[b];
        int ls = LEFT_SLOT[b];
        int ctx = above[as] + left[ls];
        int e =
            b < 16
                ? readBlock(in, probs, typeY, ctx, firstY, coeffs, used + b * 16)
                : readBlock(in, probs, CoefficientTables.TYPE_UV, ctx, 0, coeffs, used + b * 16);
        ends[blockBase + b] = (byte) e;
        any |= e;
        above[as] = left[ls] = (byte) (e > 0 ? 1 : 0);
      }
      if (any != 0) {
        base[mb] = used;
        used += Residuals.MB_COEFFS;
      }
    }
    if (in.overran()) {
      throw new CorruptFrameException(
          "token partition %d ran out of data in macroblock row %d"
              .formatted(row & (partitions.length - 1), row));
    }
    return used;
  }

  /** Checks, after the last row, that no partition needed far more bits than it holds. */
  void checkPartitions() {
    for (int i = 0; i < partitions.length; i++) {
      if (partitions[i].overran()) {
        throw new CorruptFrameException(
            "token partition %d (%d bytes) ran out while reading tokens"
                .formatted(i, partitions[i].length()));
      }
    }
  }

  /**
   * Reads one block's tokens starting at position {@code first} with first-token context {@code
   * ctx}; returns the end (0 if the first token is EOB).
   */
  private static int readBlock(
      BoolDecoder in, int[] probs, int type, int ctx, int first, short[] out, int offset) {
    int typeBase = type * (8 * 3 * 11);
    int i = first;
    int p = typeBase + BANDS[i] * 33 + ctx * 11;
    if (!in.readBool(probs[p])) {
      return 0;
    }
    while (true) {
      if (!in.readBool(probs[p + 1])) {
        // ZERO token: the next token cannot be EOB
        out[offset + i] = 0;
        if (++i == 16) {
          return 16;
        }
        p = typeBase + BANDS[i] * 33;
        continue;
      }
      int v;
      int nextCtx;
      if (!in.readBool(probs[p + 2])) {
        v = 1;
        nextCtx = 1;
      } else {
        nextCtx = 2;
        if (!in.readBool(probs[p + 3])) {
          if (!in.readBool(probs[p + 4])) {
            v = 2;
          } else {
            v = 3 + in.readBit(probs[p + 5]);
          }
        } else if (!in.readBool(probs[p + 6])) {
          v = in.readBool(probs[p + 7]) ? extra(in, 2) : extra(in, 1);
        } else if (!in.readBool(probs[p + 8])) {
          v = in.readBool(probs[p + 9]) ? extra(in, 4) : extra(in, 3);
        } else {
          v = in.readBool(probs[p + 10]) ? extra(in, 6) : extra(in, 5);
        }
      }
      out[offset + i] = (short) (in.readFlag() ? -v : v);
      if (++i == 16) {
        return 16;
      }
      p = typeBase + BANDS[i] * 33 + nextCtx * 11;
      if (!in.readBool(probs[p])) {
        return i;
      }
    }
  }

  private static int extra(BoolDecoder in, int cat) {
    int[] pc = PCAT[cat];
    int v = 0;
    for (int prob : pc) {
      v = (v << 1) | in.readBit(prob);
    }
    return CAT_BASE[cat - 1] + v;
  }
}
