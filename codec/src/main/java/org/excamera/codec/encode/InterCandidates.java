package org.excamera.codec.encode;

import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.MacroblockModesBuilder;
import org.excamera.codec.syntax.NearMvCandidates;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;

/**
 * The inter candidates of a macroblock, all from the last frame (design §4.1): ZEROMV, NEARESTMV
 * and NEARMV with the vectors of the decoder's near-MV search over the records chosen so far, and
 * NEWMV with the vector {@link MotionEstimator} finds, coded against the search's best vector. A
 * vector that several modes reach is tried with the cheapest of them. Every candidate is predicted
 * with the decoder's kernels and tried as a skipped macroblock (prediction only, which gives λ real
 * control of the rate); the residuals of the two with the least cost as skipped macroblocks are
 * coded and tried too. Single-threaded.
 */
final class InterCandidates {
  /** Inter macroblocks whose residual is coded, of the up to four candidates. */
  private static final int CODED = 2;

  private final MacroblockTrials t;
  private final Picture reference;
  private final MvCosts mvCosts;
  private final MotionEstimator motion;
  private final MacroblockQuantizer zeroMvQ;
  private final MacroblockQuantizer motionQ;
  private final NearMvCandidates near = new NearMvCandidates();
  private final int[] modeCosts = new int[10];
  private final MacroblockCoefficients empty = new MacroblockCoefficients();
  private final int[] modes = new int[4];
  private final int[] mvs = new int[4];
  private final int[] rates = new int[4];
  private final long[] scores = new long[4];

  InterCandidates(
      MacroblockTrials trials, Picture reference, MvCosts mvCosts, QuantizerTables tables) {
    this.t = trials;
    this.reference = reference;
    this.mvCosts = mvCosts;
    this.motion = new MotionEstimator(reference.y(), mvCosts, trials.rd);
    this.zeroMvQ = MacroblockQuantizer.withModeBoost(tables, ZbinBoost.LAST_ZEROMV);
    this.motionQ = MacroblockQuantizer.withModeBoost(tables, ZbinBoost.MOTION);
  }

  /** Tries the inter candidates of macroblock (row, col); {@code records} holds those before. */
  void run(MacroblockModesBuilder records, int row, int col) {
    near.find(records, row, col, ReferenceFrame.LAST_FRAME);
    ModeCosts.interModes(near, modeCosts);
    int refCost =
        BoolCosts.costOne(ModeDecision.PROB_INTRA_ESTIMATE)
            + BoolCosts.costZero(ModeDecision.PROB_LAST_ESTIMATE);
    int nearest = near.nearest();
    int nearMv = near.near();
    int n = 0;
    modes[n] = PredictionMode.ZEROMV;
    mvs[n++] = 0;
    if (nearest != 0 || cheaper(PredictionMode.NEARESTMV, PredictionMode.ZEROMV)) {
      modes[n] = PredictionMode.NEARESTMV;
      mvs[n++] = nearest;
    }
    if ((nearMv != nearest || cheaper(PredictionMode.NEARMV, PredictionMode.NEARESTMV))
        && (nearMv != 0 || cheaper(PredictionMode.NEARMV, PredictionMode.ZEROMV))) {
      modes[n] = PredictionMode.NEARMV;
      mvs[n++] = nearMv;
    }
    Picture source = t.source;
    int newMv =
        motion.search(
            source.y().samplesUnsafe(),
            t.lumaOffset(row, col),
            source.y().stride(),
            row,
            col,
            near.best(),
            nearest,
            nearMv);
    if (newMv != 0 && newMv != nearest && newMv != nearMv) {
      modes[n] = PredictionMode.NEWMV;
      mvs[n++] = newMv;
    }
    int last = -1;
    for (int i = 0; i < n; i++) {
      t.predictor.inter(t.canvas, reference, row, col, mvs[i]);
      last = i;
      rates[i] = refCost + modeCosts[modes[i]];
      if (modes[i] == PredictionMode.NEWMV) {
        rates[i] += mvCosts.newMv(mvs[i], near.best());
      }
      long skipCost = t.rd.cost(rates[i] + t.skipYes, t.lumaSse(row, col) + t.chromaSse(row, col));
      t.offer(skipCost, modes[i], mvs[i], empty, row, col, null);
      scores[i] = skipCost;
    }
    for (int i = n; i < scores.length; i++) {
      scores[i] = Long.MAX_VALUE;
    }
    for (int k = 0; k < Math.min(n, CODED); k++) {
      int pick = 0;
      for (int i = 1; i < n; i++) {
        if (scores[i] < scores[pick]) {
          pick = i;
        }
      }
      scores[pick] = Long.MAX_VALUE;
      if (pick != last) {
        t.predictor.inter(t.canvas, reference, row, col, mvs[pick]);
      }
      last = -1;
      coded(row, col, modes[pick], mvs[pick], rates[pick]);
    }
  }

  private boolean cheaper(int mode, int than) {
    return modeCosts[mode] < modeCosts[than];
  }

  /** The predicted macroblock in the canvas with its residual coded. */
  private void coded(int row, int col, int mode, int mv, int recordRate) {
    MacroblockQuantizer q = mode == PredictionMode.ZEROMV ? zeroMvQ : motionQ;
    t.trial.clear();
    t.codeLuma(row, col, q);
    t.codeChroma(row, col, q);
    if (t.trial.isEmpty()) {
      return;
    }
    int rate = recordRate + t.skipNo + t.tokenRate(t.trial, col, true, true, true);
    long cost = t.rd.cost(rate, t.lumaSse(row, col) + t.chromaSse(row, col));
    t.offer(cost, mode, mv, t.trial, row, col, null);
  }
}
