package org.excamera.codec.encode;

import java.util.List;
import org.excamera.codec.header.InterProbs;
import org.excamera.codec.header.MvProbUpdates;
import org.excamera.codec.header.TokenProbUpdates;
import org.excamera.codec.state.CoefficientProbabilities;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ReferenceFrame;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.CoefficientTables;

/**
 * The per-frame probability choices of the encoder (RFC 6386 §9.9–9.11, §13.4, §19.2), made from
 * the frame's own counts against the probabilities of the state it will be decoded from:
 * coefficient probability updates written only where they save bits (the update flag at {@code
 * COEFF_UPDATE_PROBS} plus 8 bits, against the saving on the frame's tokens), whether to code
 * {@code mb_skip_coeff} at all and its {@code prob_skip_false}, and {@code prob_intra}, {@code
 * prob_last}, {@code prob_gf} from the macroblocks' reference frames. Costs are in 1/256 bit
 * ({@link BoolCosts}). Deterministic: a pure function of its inputs.
 */
public final class EntropyChoices {
  private static final int[] UPDATE_PROBS = CoefficientTables.coeffUpdateProbs();
  private static final int LITERAL_8 = 8 * 256;

  private EntropyChoices() {}

  /**
   * The token and skip coding of a frame.
   *
   * @param updates coefficient probability updates
   * @param mbNoSkipCoeff whether {@code mb_skip_coeff} is coded (macroblocks without coefficients
   *     are then skipped)
   * @param probSkipFalse probability of {@code mb_skip_coeff = 0}; 0 when not coded
   * @param cost estimated cost of the token probability updates, tokens and skip flags (1/256 bit,
   *     excluding the extra bits and signs, which do not depend on these choices)
   */
  public record TokenCoding(
      TokenProbUpdates updates, boolean mbNoSkipCoeff, int probSkipFalse, long cost) {}

  /**
   * {@code clip(round(256·c0 / (c0 + c1)), 1, 255)}: the probability of a zero that minimises the
   * cost of {@code c0} zeros and {@code c1} ones (libvpx's {@code get_binary_prob}); 128 when both
   * are 0.
   */
  public static int binaryProb(long c0, long c1) {
    long n = c0 + c1;
    if (n == 0) {
      return 128;
    }
    long p = (c0 * 256 + (n >> 1)) / n;
    return (int) Math.max(1, Math.min(255, p));
  }

  /** Cost of {@code c0} zeros and {@code c1} ones at probability {@code p} of a zero. */
  public static long cost(int p, long c0, long c1) {
    return c0 * BoolCosts.costZero(p) + c1 * BoolCosts.costOne(p);
  }

  /**
   * Chooses the coefficient probability updates and the skip coding of a frame whose tokens {@code
   * counts} holds, decoded against {@code base}.
   */
  public static TokenCoding tokens(
      CoefficientProbabilities base,
      TokenBranchCounts counts,
      MacroblockModes modes,
      Residuals residuals) {
    int skipped = 0;
    int n = modes.count();
    for (int mb = 0; mb < n; mb++) {
      if (!residuals.hasTokens(mb)) {
        skipped++;
      }
    }
    int[] withSkip = new int[TokenBranchCounts.ENTRIES];
    long costWithSkip = optimise(base, counts.coded, null, withSkip);
    int probSkip = binaryProb(n - skipped, skipped);
    costWithSkip += cost(probSkip, n - skipped, skipped) + LITERAL_8;
    int[] withoutSkip = new int[TokenBranchCounts.ENTRIES];
    long costWithoutSkip = optimise(base, counts.coded, counts.emptyMacroblocks, withoutSkip);
    if (costWithSkip <= costWithoutSkip) {
      return new TokenCoding(TokenProbUpdates.of(withSkip), true, probSkip, costWithSkip);
    }
    return new TokenCoding(TokenProbUpdates.of(withoutSkip), false, 0, costWithoutSkip);
  }

  /**
   * Fills {@code updates} (-1 = none) and returns the cost of flags, new values and tokens for the
   * counts {@code a} (+ {@code b} if given).
   */
  private static long optimise(
      CoefficientProbabilities base,
      int[] a,
      int @org.jspecify.annotations.Nullable [] b,
      int[] updates) {
    long total = 0;
    for (int i = 0; i < TokenBranchCounts.ENTRIES; i++) {
      long c0 = a[2 * i] + (b == null ? 0 : b[2 * i]);
      long c1 = a[2 * i + 1] + (b == null ? 0 : b[2 * i + 1]);
      int old = base.get(i);
      int u = UPDATE_PROBS[i];
      long keep = cost(old, c0, c1) + BoolCosts.costZero(u);
      updates[i] = -1;
      if (c0 + c1 > 0) {
        int p = binaryProb(c0, c1);
        long change = cost(p, c0, c1) + BoolCosts.costOne(u) + LITERAL_8;
        if (p != old && change < keep) {
          updates[i] = p;
          total += change;
          continue;
        }
      }
      total += keep;
    }
    return total;
  }

  /**
   * {@code prob_intra}, {@code prob_last} and {@code prob_gf} from the macroblocks' reference
   * frames (each the probability of the first branch: intra, last, golden; 128 where nothing is
   * counted), with no mode or motion vector probability updates.
   */
  public static InterProbs interProbs(MacroblockModes modes) {
    int[] refs = new int[4];
    for (int mb = 0; mb < modes.count(); mb++) {
      refs[modes.refFrame(mb)]++;
    }
    int inter =
        refs[ReferenceFrame.LAST_FRAME]
            + refs[ReferenceFrame.GOLDEN_FRAME]
            + refs[ReferenceFrame.ALTREF_FRAME];
    int probIntra = binaryProb(refs[ReferenceFrame.INTRA_FRAME], inter);
    int probLast =
        binaryProb(refs[ReferenceFrame.LAST_FRAME], inter - refs[ReferenceFrame.LAST_FRAME]);
    int probGf = binaryProb(refs[ReferenceFrame.GOLDEN_FRAME], refs[ReferenceFrame.ALTREF_FRAME]);
    return new InterProbs(probIntra, probLast, probGf, List.of(), List.of(), MvProbUpdates.NONE);
  }
}
