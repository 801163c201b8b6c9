package org.excamera.codec.encode;

import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.CoefficientTables;

/**
 * How often each branch of the coefficient token tree is taken in a frame, per [type][band]
 * [context][node] entry (RFC 6386 §13), counted along the exact path the token writer takes:
 * contexts from the above/left neighbour blocks (same plane) and the previous token, the EOB branch
 * skipped after a ZERO token. Macroblocks without any coefficient are counted apart ({@link
 * #emptyMacroblocks}): they cost nothing when the frame codes {@code mb_skip_coeff}, and one EOB
 * per block otherwise. The neighbour contexts do not depend on that choice (a skipped macroblock
 * and one of empty blocks both leave zero contexts), so one pass gives both.
 */
public final class TokenBranchCounts {
  /** Entries of the coefficient probability table. */
  public static final int ENTRIES = CoefficientTables.COEFF_PROB_COUNT;

  private static final int[] BANDS = ScanOrder.COEFF_BANDS;
  // Per token: the nodes on its path from node 1 (the EOB node 0 is handled apart) and the bits.
  private static final int[][] PATH_NODES = new int[DctTokens.COUNT][];
  private static final int[][] PATH_BITS = new int[DctTokens.COUNT][];

  static {
    for (int t = 0; t < DctTokens.EOB; t++) {
      int[] nodes = new int[11];
      int[] bits = new int[11];
      int n = 0;
      int i = DctTokens.START_WITHOUT_EOB;
      while (true) {
        int node = i >> 1;
        int left = DctTokens.TREE[i];
        int bit = leafBelow(left, t) ? 0 : 1;
        nodes[n] = node;
        bits[n] = bit;
        n++;
        int next = DctTokens.TREE[i + bit];
        if (next <= 0) {
          break;
        }
        i = next;
      }
      PATH_NODES[t] = java.util.Arrays.copyOf(nodes, n);
      PATH_BITS[t] = java.util.Arrays.copyOf(bits, n);
    }
  }

  private static boolean leafBelow(int entry, int token) {
    if (entry <= 0) {
      return -entry == token;
    }
    return leafBelow(DctTokens.TREE[entry], token) || leafBelow(DctTokens.TREE[entry + 1], token);
  }

  /** [entry][bit] counts of macroblocks with at least one coefficient. */
  final int[] coded = new int[ENTRIES * 2];

  /** [entry][bit] counts of the EOBs of macroblocks without coefficients. */
  final int[] emptyMacroblocks = new int[ENTRIES * 2];

  private TokenBranchCounts() {}

  /** Counts a frame's tokens; a macroblock counts as empty when no block has a coefficient. */
  public static TokenBranchCounts of(MacroblockModes modes, Residuals residuals) {
    TokenBranchCounts c = new TokenBranchCounts();
    c.count(modes, residuals);
    return c;
  }

  /** Count of {@code bit} at flattened entry {@code i}, among macroblocks with coefficients. */
  public int coded(int i, int bit) {
    return coded[2 * i + bit];
  }

  /** Count of {@code bit} at flattened entry {@code i}, among the empty macroblocks' EOBs. */
  public int emptyMacroblocks(int i, int bit) {
    return emptyMacroblocks[2 * i + bit];
  }

  private void count(MacroblockModes modes, Residuals residuals) {
    int mbCols = modes.mbCols();
    byte[] above = new byte[mbCols * 9];
    byte[] left = new byte[9];
    short[] block = new short[16];
    int mb = 0;
    for (int row = 0; row < modes.mbRows(); row++) {
      java.util.Arrays.fill(left, (byte) 0);
      for (int col = 0; col < mbCols; col++, mb++) {
        int a = col * 9;
        boolean y2 = modes.hasY2(mb);
        int[] into = residuals.hasTokens(mb) ? coded : emptyMacroblocks;
        int firstY;
        int typeY;
        if (y2) {
          int e = residuals.copyBlock(mb, Residuals.Y2, block, 0);
          countBlock(into, CoefficientTables.TYPE_Y2, above[a + 8] + left[8], 0, block, e);
          above[a + 8] = left[8] = (byte) (e > 0 ? 1 : 0);
          firstY = 1;
          typeY = CoefficientTables.TYPE_Y_AFTER_Y2;
        } else {
          firstY = 0;
          typeY = CoefficientTables.TYPE_Y_WITH_DC;
        }
        for (int b = 0; b < 24; b++) {
          int as = a + aboveSlot(b);
          int ls = leftSlot(b);
          int e = residuals.copyBlock(mb, b, block, 0);
          if (b < 16) {
            countBlock(into, typeY, above[as] + left[ls], firstY, block, e);
          } else {
            countBlock(into, CoefficientTables.TYPE_UV, above[as] + left[ls], 0, block, e);
          }
          above[as] = left[ls] = (byte) (e > 0 ? 1 : 0);
        }
      }
    }
  }

  /** Above-context slot of block b within its macroblock column (4 Y, 2 U, 2 V, Y2). */
  static int aboveSlot(int b) {
    if (b < 16) {
      return b & 3;
    }
    if (b < 24) {
      return (b < 20 ? 4 : 6) + (b & 1);
    }
    return 8;
  }

  /** Left-context slot of block b. */
  static int leftSlot(int b) {
    if (b < 16) {
      return b >> 2;
    }
    if (b < 24) {
      return (b < 20 ? 4 : 6) + ((b - 16) & 3) / 2;
    }
    return 8;
  }

  private static void countBlock(
      int[] into, int type, int ctx, int first, short[] tokens, int end) {
    int i = first;
    int pt = ctx;
    boolean afterZero = false;
    if (end == 0) {
      into[2 * CoefficientTables.index(type, BANDS[i], pt, 0)]++;
      return;
    }
    for (; i < end; i++) {
      int base = CoefficientTables.index(type, BANDS[i], pt, 0);
      if (!afterZero) {
        into[2 * base + 1]++;
      }
      int t = DctTokens.token(tokens[i]);
      int[] nodes = PATH_NODES[t];
      int[] bits = PATH_BITS[t];
      for (int k = 0; k < nodes.length; k++) {
        into[2 * (base + nodes[k]) + bits[k]]++;
      }
      pt = DctTokens.contextAfter(t);
      afterZero = t == DctTokens.ZERO;
    }
    if (i < 16) {
      into[2 * CoefficientTables.index(type, BANDS[i], pt, 0)]++;
    }
  }
}
