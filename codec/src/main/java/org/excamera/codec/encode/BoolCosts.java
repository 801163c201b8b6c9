package org.excamera.codec.encode;

/**
 * The cost in 1/256 bit of coding one bool with the boolean entropy coder (RFC 6386 §7), as
 * libvpx's encoder estimates it ({@code vp8_prob_cost}, {@code vp8_cost_bit}): a zero with
 * probability p (of zero, in 256ths) costs {@code cost[p]}, a one costs {@code cost[255 − p]},
 * where {@code cost[p] = max(1, round(256·log2(255/p)))} and {@code cost[0] = 2047}. (libvpx ships
 * this as a literal table; the formula reproduces all 256 entries.) Also the costs of every leaf of
 * a tree, as {@code vp8_cost_tokens} computes them.
 */
public final class BoolCosts {
  private BoolCosts() {}

  private static final int[] PROB_COST = new int[256];

  static {
    PROB_COST[0] = 2047;
    for (int p = 1; p < 256; p++) {
      PROB_COST[p] = (int) Math.max(1, Math.round(256 * Math.log(255.0 / p) / Math.log(2)));
    }
  }

  /** Cost of coding {@code bit} (0 or 1) with probability {@code prob} (0..255) of a zero. */
  public static int cost(int prob, int bit) {
    return PROB_COST[bit == 0 ? prob : 255 - prob];
  }

  /** Cost of a zero with probability {@code prob}, {@code vp8_cost_zero}. */
  public static int costZero(int prob) {
    return PROB_COST[prob];
  }

  /** Cost of a one with probability {@code prob}, {@code vp8_cost_one}. */
  public static int costOne(int prob) {
    return PROB_COST[255 - prob];
  }

  /**
   * Costs of every leaf of {@code tree} (RFC 6386 §8.1 layout: entry {@code i} and {@code i+1} are
   * the two branches of node {@code i/2}, coded with {@code probs[i/2]}; a value {@code <= 0} is
   * the leaf {@code -value}, a positive one the index of the next node), starting at node index
   * {@code start} (0 for the whole tree). Entries of leaves unreachable from {@code start} are left
   * as they are in {@code out}.
   */
  public static void treeCosts(int[] tree, ProbabilityRow probs, int start, int[] out) {
    walk(tree, probs, start, 0, out);
  }

  private static void walk(int[] tree, ProbabilityRow probs, int i, int costSoFar, int[] out) {
    int p = probs.get(i >> 1);
    for (int branch = 0; branch < 2; branch++) {
      int next = tree[i + branch];
      int c = costSoFar + cost(p, branch);
      if (next <= 0) {
        out[-next] = c;
      } else {
        walk(tree, probs, next, c, out);
      }
    }
  }

  /** The node probabilities of one tree. */
  @FunctionalInterface
  public interface ProbabilityRow {
    /** Probability (0..255) of a zero at node {@code node}. */
    int get(int node);
  }
}
