package org.excamera.codec.encode;

/**
 * Bit costs (1/256 bit) of coefficient tokens under one set of coefficient probabilities, as
 * libvpx's rate-distortion code uses them ({@code fill_token_costs}, {@code cost_coeffs} in {@code
 * vp8/encoder/rdopt.c}). The cost of token t for block type, band and context is the sum of the
 * bool costs along its path in the coefficient tree; in context 0 past the first band of a block
 * type (where the previous token was ZERO, so EOB is impossible and the decoder skips the first
 * branch) the path starts at the second node. Immutable.
 */
public final class TokenCosts {
  private static final int TYPES = 4;
  private static final int BANDS = 8;
  private static final int CONTEXTS = 3;

  private final int[] costs = new int[TYPES * BANDS * CONTEXTS * DctTokens.COUNT];

  private TokenCosts(CoefficientProbabilitySource probs) {
    int[] row = new int[DctTokens.COUNT];
    for (int type = 0; type < TYPES; type++) {
      for (int band = 0; band < BANDS; band++) {
        for (int ctx = 0; ctx < CONTEXTS; ctx++) {
          int t = type;
          int b = band;
          int c = ctx;
          BoolCosts.ProbabilityRow p = node -> probs.get(t, b, c, node);
          // Full tree first, so that the EOB entry is defined everywhere; then, where EOB cannot
          // occur, libvpx's shortened path (vp8_cost_tokens2 from node 2) for the other tokens.
          BoolCosts.treeCosts(DctTokens.TREE, p, 0, row);
          if (ctx == 0 && band > (type == 0 ? 1 : 0)) {
            BoolCosts.treeCosts(DctTokens.TREE, p, DctTokens.START_WITHOUT_EOB, row);
          }
          System.arraycopy(row, 0, costs, index(type, band, ctx, 0), DctTokens.COUNT);
        }
      }
    }
  }

  /** Costs under {@code probs}, indexed [type][band][context][node] as RFC 6386 §13.3. */
  public static TokenCosts of(CoefficientProbabilitySource probs) {
    return new TokenCosts(probs);
  }

  /**
   * The cost of {@code token} at block type {@code type} (0 = Y after Y2, 1 = Y2, 2 = chroma, 3 = Y
   * with DC), band {@code band} and context {@code ctx}.
   */
  public int tokenCost(int type, int band, int ctx, int token) {
    return costs[index(type, band, ctx, token)];
  }

  /**
   * The cost of one block's tokens, libvpx's {@code cost_coeffs}: {@code qcoeff[off..off+15]} holds
   * the quantized values in zigzag order (as {@link BlockQuantizer#quantize} writes them), {@code
   * eob} is one past the last nonzero one, {@code ctx} the above + left context (0..2). Coding
   * starts at position 1 for type 0 (its DC travels in Y2) and at 0 otherwise; each value costs its
   * token plus {@link DctTokens#valueCost}, and an EOB token follows unless the block ends at
   * position 16. The context the block leaves to its neighbours is {@code eob > first}.
   */
  public int blockCost(short[] qcoeff, int off, int type, int ctx, int eob) {
    int c = type == 0 ? 1 : 0;
    int pt = ctx;
    int cost = 0;
    for (; c < eob; c++) {
      int v = qcoeff[off + c];
      int t = DctTokens.token(v);
      cost += costs[index(type, ScanOrder.COEFF_BANDS[c], pt, t)] + DctTokens.valueCost(v);
      pt = DctTokens.contextAfter(t);
    }
    if (c < 16) {
      cost += costs[index(type, ScanOrder.COEFF_BANDS[c], pt, DctTokens.EOB)];
    }
    return cost;
  }

  private static int index(int type, int band, int ctx, int token) {
    return ((type * BANDS + band) * CONTEXTS + ctx) * DctTokens.COUNT + token;
  }

  /** Coefficient probabilities, indexed [type 0..3][band 0..7][context 0..2][node 0..10]. */
  @FunctionalInterface
  public interface CoefficientProbabilitySource {
    /** Probability (1..255) of a zero at {@code node}. */
    int get(int type, int band, int ctx, int node);
  }
}
