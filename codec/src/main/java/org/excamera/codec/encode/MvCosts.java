package org.excamera.codec.encode;

import org.excamera.codec.state.ProbabilityVector;
import org.excamera.codec.syntax.MotionVector;
import org.excamera.codec.tables.ModeTables;
import org.excamera.codec.tables.MvTables;

/**
 * Bit costs (1/256 bit, {@link BoolCosts}) of motion vectors under one set of MV probabilities (RFC
 * 6386 §17): a NEWMV vector is coded as its difference from the macroblock's best vector, in
 * quarter samples, row then column. A component {@code v} with {@code |v| < 8} takes the short form
 * (is-short bit 0, the small-magnitude tree); larger ones the long form (is-short bit 1, magnitude
 * bits 0, 1, 2, then 9 down to 4, then bit 3 only when a bit above it is set); nonzero components
 * end with a sign bit. Components beyond ±{@link #MAX_COMPONENT} cannot be coded and cost {@link
 * #UNCODABLE}. Immutable.
 */
public final class MvCosts {
  /** Largest magnitude of a coded difference component, in quarter samples. */
  public static final int MAX_COMPONENT = 1023;

  /** Cost of a difference that cannot be coded: large, yet safe to add a few of. */
  public static final int UNCODABLE = 1 << 24;

  private static final int[] SMALL_TREE = ModeTables.smallMvTree();

  // [component][v + MAX_COMPONENT]
  private final int[][] costs = new int[2][2 * MAX_COMPONENT + 1];

  private MvCosts(int[] probs) {
    int[] small = new int[8];
    for (int comp = 0; comp < 2; comp++) {
      int o = comp * MvTables.MV_PROB_COUNT;
      BoolCosts.treeCosts(SMALL_TREE, node -> probs[o + MvTables.SHORT + node], 0, small);
      for (int v = -MAX_COMPONENT; v <= MAX_COMPONENT; v++) {
        int x = Math.abs(v);
        int c;
        if (x < 8) {
          c = BoolCosts.costZero(probs[o + MvTables.IS_SHORT]) + small[x];
        } else {
          c = BoolCosts.costOne(probs[o + MvTables.IS_SHORT]);
          for (int i = 0; i < 3; i++) {
            c += BoolCosts.cost(probs[o + MvTables.BITS + i], (x >> i) & 1);
          }
          for (int i = MvTables.LONG_WIDTH - 1; i > 3; i--) {
            c += BoolCosts.cost(probs[o + MvTables.BITS + i], (x >> i) & 1);
          }
          if ((x & 0xFFF0) != 0) {
            c += BoolCosts.cost(probs[o + MvTables.BITS + 3], (x >> 3) & 1);
          }
        }
        if (x != 0) {
          c += BoolCosts.cost(probs[o + MvTables.SIGN], v < 0 ? 1 : 0);
        }
        costs[comp][v + MAX_COMPONENT] = c;
      }
    }
  }

  /** Costs under the 2 × 19 MV probabilities {@code mvProbs} (row component first). */
  public static MvCosts of(ProbabilityVector mvProbs) {
    if (mvProbs.size() != 2 * MvTables.MV_PROB_COUNT) {
      throw new IllegalArgumentException("need 38 MV probabilities, got " + mvProbs.size());
    }
    return new MvCosts(mvProbs.toIntArray());
  }

  /**
   * Cost of coding component {@code comp} (0 row, 1 column) with difference {@code v} in quarter
   * samples; {@link #UNCODABLE} beyond ±{@link #MAX_COMPONENT}.
   */
  public int component(int comp, int v) {
    if (v < -MAX_COMPONENT || v > MAX_COMPONENT) {
      return UNCODABLE;
    }
    return costs[comp][v + MAX_COMPONENT];
  }

  /** Cost of a difference of ({@code rowQ}, {@code colQ}) quarter samples. */
  public int difference(int rowQ, int colQ) {
    return component(0, rowQ) + component(1, colQ);
  }

  /**
   * Cost of coding vector {@code mv} against {@code best} (both packed {@link MotionVector}s in the
   * decoder's units, twice quarter samples).
   */
  public int newMv(int mv, int best) {
    return difference(
        (MotionVector.row(mv) - MotionVector.row(best)) >> 1,
        (MotionVector.col(mv) - MotionVector.col(best)) >> 1);
  }
}
