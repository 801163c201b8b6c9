package org.excamera.codec.syntax;

import java.util.Arrays;
import org.excamera.codec.bool.BoolEncoder;
import org.excamera.codec.tables.CoefficientTables;

/**
 * Writes every macroblock's tokens into the token partitions, the exact inverse of {@link
 * TokenReader}: each block codes its coefficients from its first position up to its end, then EOB
 * unless the end is 16. Blocks that cannot be coded (a zero right before an end below 16, nonzero
 * coefficients past the end, a magnitude above 2114) are an {@link IllegalArgumentException}.
 */
final class TokenWriter {
  private static final int[] BANDS = CoefficientTables.coeffBands();
  private static final int[] CAT_BASE = CoefficientTables.dctCatBase();
  private static final int[][] PCAT = new int[7][];

  static {
    for (int c = 1; c <= 6; c++) {
      PCAT[c] = CoefficientTables.pcat(c);
    }
  }

  private TokenWriter() {}

  static void write(BoolEncoder[] partitions, int[] probs, MacroblockModes modes, Residuals r) {
    int mbCols = modes.mbCols;
    byte[] above = new byte[mbCols * 9];
    byte[] left = new byte[9];
    int mb = 0;
    for (int row = 0; row < modes.mbRows; row++) {
      BoolEncoder out = partitions[row & (partitions.length - 1)];
      Arrays.fill(left, (byte) 0);
      for (int col = 0; col < mbCols; col++, mb++) {
        int a = col * 9;
        boolean y2 = modes.hasY2(mb);
        int base = mb * Residuals.BLOCKS;
        if (modes.skip[mb] != 0) {
          if (r.hasTokens(mb)) {
            throw new IllegalArgumentException(
                "macroblock (%d,%d) is marked skip but has coefficients".formatted(row, col));
          }
          Arrays.fill(above, a, a + 8, (byte) 0);
          Arrays.fill(left, 0, 8, (byte) 0);
          if (y2) {
            above[a + 8] = 0;
            left[8] = 0;
          }
          continue;
        }
        int firstY = 0;
        int typeY = CoefficientTables.TYPE_Y_WITH_DC;
        if (y2) {
          int ctx = above[a + 8] + left[8];
          int e = writeBlock(out, probs, CoefficientTables.TYPE_Y2, ctx, 0, r, base + 24, mb);
          above[a + 8] = left[8] = (byte) (e > 0 ? 1 : 0);
          firstY = 1;
          typeY = CoefficientTables.TYPE_Y_AFTER_Y2;
        } else if (r.ends[base + 24] != 0) {
          throw new IllegalArgumentException(
              "macroblock (%d,%d) has no Y2 block but Y2 coefficients".formatted(row, col));
        }
        for (int b = 0; b < 24; b++) {
          int as = a + TokenReader.ABOVE_SLOT[b];
          int ls = TokenReader.LEFT_SLOT[b];
          int ctx = above[as] + left[ls];
          int type = b < 16 ? typeY : CoefficientTables.TYPE_UV;
          int first = b < 16 ? firstY : 0;
          int e = writeBlock(out, probs, type, ctx, first, r, base + b, mb);
          above[as] = left[ls] = (byte) (e > 0 ? 1 : 0);
        }
      }
    }
  }

  private static int writeBlock(
      BoolEncoder out, int[] probs, int type, int ctx, int first, Residuals r, int block, int mb) {
    short[] c = r.coeffs;
    int end = r.ends[block];
    // A macroblock without stored coefficients (base -1) has only empty blocks: nothing to check.
    int off = r.base[mb] < 0 ? -1 : r.base[mb] + (block - mb * Residuals.BLOCKS) * 16;
    if (off >= 0) {
      if (end != 0 && (end <= first || (end < 16 && c[off + end - 1] == 0))) {
        throw invalid(mb, block, "end %d cannot be coded".formatted(end));
      }
      for (int i = 0; i < 16; i++) {
        if ((i < first || i >= end) && c[off + i] != 0) {
          throw invalid(mb, block, "coefficient %d lies outside [%d, %d)".formatted(i, first, end));
        }
      }
    }
    int typeBase = type * (8 * 3 * 11);
    int i = first;
    int p = typeBase + BANDS[i] * 33 + ctx * 11;
    if (end == 0) {
      out.writeBool(false, probs[p]);
      return 0;
    }
    boolean afterZero = false;
    for (; i < end; i++) {
      int v = c[off + i];
      if (!afterZero) {
        out.writeBool(true, probs[p]);
      }
      int nextCtx;
      if (v == 0) {
        out.writeBool(false, probs[p + 1]);
        afterZero = true;
        nextCtx = 0;
      } else {
        out.writeBool(true, probs[p + 1]);
        int x = Math.abs(v);
        writeMagnitude(out, probs, p, x, mb, block);
        out.writeFlag(v < 0);
        afterZero = false;
        nextCtx = x == 1 ? 1 : 2;
      }
      if (i + 1 < 16) {
        p = typeBase + BANDS[i + 1] * 33 + nextCtx * 11;
      }
    }
    if (end < 16) {
      out.writeBool(false, probs[p]);
    }
    return end;
  }

  private static void writeMagnitude(
      BoolEncoder out, int[] probs, int p, int x, int mb, int block) {
    if (x == 1) {
      out.writeBool(false, probs[p + 2]);
      return;
    }
    out.writeBool(true, probs[p + 2]);
    if (x <= 4) {
      out.writeBool(false, probs[p + 3]);
      if (x == 2) {
        out.writeBool(false, probs[p + 4]);
      } else {
        out.writeBool(true, probs[p + 4]);
        out.writeBool(x == 4, probs[p + 5]);
      }
      return;
    }
    out.writeBool(true, probs[p + 3]);
    int cat;
    if (x < CAT_BASE[2]) {
      out.writeBool(false, probs[p + 6]);
      cat = x < CAT_BASE[1] ? 1 : 2;
      out.writeBool(cat == 2, probs[p + 7]);
    } else {
      out.writeBool(true, probs[p + 6]);
      if (x < CAT_BASE[4]) {
        out.writeBool(false, probs[p + 8]);
        cat = x < CAT_BASE[3] ? 3 : 4;
        out.writeBool(cat == 4, probs[p + 9]);
      } else {
        out.writeBool(true, probs[p + 8]);
        cat = x < CAT_BASE[5] ? 5 : 6;
        out.writeBool(cat == 6, probs[p + 10]);
      }
    }
    int[] pc = PCAT[cat];
    int extra = x - CAT_BASE[cat - 1];
    if (extra >= 1 << pc.length) {
      throw invalid(mb, block, "magnitude %d is too large to code".formatted(x));
    }
    for (int b = 0; b < pc.length; b++) {
      out.writeBit((extra >> (pc.length - 1 - b)) & 1, pc[b]);
    }
  }

  private static IllegalArgumentException invalid(int mb, int block, String what) {
    return new IllegalArgumentException(
        "macroblock %d block %d: %s".formatted(mb, block % 25, what));
  }
}
