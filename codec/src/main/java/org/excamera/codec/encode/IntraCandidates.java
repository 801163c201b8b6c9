package org.excamera.codec.encode;

import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.CoefficientTables;

/**
 * The intra candidates of a macroblock (RFC 6386 §12), predicted with the decoder's kernels from
 * the reconstructed neighbours in the frame being built: the chroma mode of least cost (chosen on
 * its own and shared by every luma candidate), the 16×16 luma modes, and B_PRED with each
 * subblock's mode chosen in turn given the subblocks before it. Of the four 16×16 (and 8×8) modes
 * the best by SATD and mode rate is coded; of a subblock's ten modes, up to the three best, those
 * whose SATD score is near the best's. B_PRED is abandoned as soon as it cannot beat the best
 * candidate. Key frames cost subblock modes in the context of the neighbouring subblock modes, as
 * the mode reader reads them. Single-threaded.
 */
final class IntraCandidates {
  /**
   * 16×16 luma and 8×8 chroma modes whose residual is coded, of the four. One: also coding the
   * second best by SATD doubled these trials for no measurable gain (issue 4: StitchedChunksIT and
   * ChunkEncoderIT sizes and SSIM within ±0.1%).
   */
  private static final int CODED = 1;

  /** Subblock modes that get the full rate-distortion test, of the ten. */
  private static final int SUBBLOCK_CANDIDATES = 3;

  /**
   * A subblock candidate after the first gets the full test only if its SATD score exceeds the
   * best's by at most this many percent; further ones rarely win (about a fifth fewer subblock
   * codings, sizes and SSIM of the encoder ITs unchanged within ±0.1%).
   */
  private static final int SUBBLOCK_MARGIN_PERCENT = 50;

  private final MacroblockTrials t;
  private final MacroblockQuantizer q;
  private final int mbCols;
  private final MacroblockCoefficients bestChroma = new MacroblockCoefficients();
  private final MacroblockCoefficients combined = new MacroblockCoefficients();
  private final byte[] chromaRecon = new byte[128];
  private final int[] scores = new int[4];
  private final int[] subScores = new int[SUBBLOCK_CANDIDATES];
  private final int[] subModes = new int[SUBBLOCK_CANDIDATES];
  private final int[] trialSub = new int[16];
  private final byte[] ctxA = new byte[9];
  private final byte[] ctxL = new byte[9];

  // The best subblock candidate so far, while later ones are tried.
  private final short[] savedCoeffs = new short[16];
  private final byte[] savedRecon = new byte[16];
  private byte savedEnd;

  // Key frames: every committed macroblock's luma mode and subblock modes, for the contexts.
  private final int[] yModes;
  private final byte[] committedSub;

  IntraCandidates(MacroblockTrials trials, QuantizerTables tables, int mbRows) {
    this.t = trials;
    this.q = MacroblockQuantizer.of(tables);
    this.mbCols = trials.mbCols;
    this.yModes = new int[mbCols * mbRows];
    this.committedSub = new byte[mbCols * mbRows * 16];
  }

  /** Records a committed macroblock's modes (the subblock modes only matter for B_PRED). */
  void committed(int mb, int yMode, int[] subblockModes) {
    yModes[mb] = yMode;
    if (yMode == PredictionMode.B_PRED) {
      for (int b = 0; b < 16; b++) {
        committedSub[mb * 16 + b] = (byte) subblockModes[b];
      }
    }
  }

  /** Tries the intra candidates of macroblock (row, col). */
  void run(int row, int col) {
    int refCost = t.keyFrame ? 0 : BoolCosts.costZero(ModeDecision.PROB_INTRA_ESTIMATE);
    ModeCosts costs = t.modeCosts;
    long chromaCost = Long.MAX_VALUE;
    int chromaRate = 0;
    long chromaSse = 0;
    int uvMode = PredictionMode.DC_PRED;
    t.loadSatdSources(row, col);
    for (int m = PredictionMode.DC_PRED; m <= PredictionMode.TM_PRED; m++) {
      t.predictor.intraChroma(t.canvas, row, col, m);
      scores[m] = t.chromaSatd(row, col, m) + t.rd.sadRate(costs.uvMode[m]);
    }
    for (int k = 0; k < CODED; k++) {
      int m = MacroblockTrials.takeBest(scores);
      t.predictor.intraChroma(t.canvas, row, col, m);
      t.trial.clear();
      t.codeChroma(row, col, q);
      int rate = costs.uvMode[m] + t.tokenRate(t.trial, col, false, false, true);
      long sse = t.chromaSse(row, col);
      long cost = t.rd.cost(rate, sse);
      if (cost < chromaCost) {
        chromaCost = cost;
        chromaRate = rate;
        chromaSse = sse;
        uvMode = m;
        MacroblockTrials.copyCoefficients(t.trial, bestChroma, 16, 24);
        t.packChroma(row, col, chromaRecon, 0);
      }
    }
    boolean chromaEmpty = true;
    for (int b = 16; b < 24; b++) {
      chromaEmpty &= bestChroma.ends[b] == 0;
    }
    int chromaTokens = chromaRate - costs.uvMode[uvMode];
    for (int m = PredictionMode.DC_PRED; m <= PredictionMode.TM_PRED; m++) {
      t.predictor.intraLuma(t.canvas, row, col, m);
      scores[m] = t.lumaSatd(row, col, m) + t.rd.sadRate(costs.yMode[m]);
    }
    for (int k = 0; k < CODED; k++) {
      int m = MacroblockTrials.takeBest(scores);
      t.predictor.intraLuma(t.canvas, row, col, m);
      t.trial.clear();
      t.codeLuma(row, col, q);
      int rate = refCost + costs.yMode[m] + costs.uvMode[uvMode];
      if (t.trial.isEmpty() && chromaEmpty) {
        rate += t.skipYes;
      } else {
        rate += t.skipNo + t.tokenRate(t.trial, col, true, true, false) + chromaTokens;
      }
      long cost = t.rd.cost(rate, t.lumaSse(row, col) + chromaSse);
      MacroblockTrials.copyCoefficients(t.trial, combined, 0, 16);
      MacroblockTrials.copyCoefficients(t.trial, combined, Residuals.Y2, Residuals.BLOCKS);
      MacroblockTrials.copyCoefficients(bestChroma, combined, 16, 24);
      if (t.offer(cost, m, 0, combined, row, col, chromaRecon)) {
        t.bestUvMode = uvMode;
      }
    }
    bPred(row, col, refCost + t.skipNo + chromaRate, chromaSse, uvMode);
  }

  /** B_PRED, given the rate and squared error of everything but the luma. */
  private void bPred(int row, int col, int baseRate, long baseSse, int uvMode) {
    int mb = row * mbCols + col;
    int rate = baseRate + t.modeCosts.yMode[PredictionMode.B_PRED];
    long sse = baseSse;
    System.arraycopy(t.aboveCtx, col * 9, ctxA, 0, 9);
    System.arraycopy(t.leftCtx, 0, ctxL, 0, 9);
    MacroblockCoefficients trial = t.trial;
    trial.clear();
    byte[] src = t.source.y().samplesUnsafe();
    byte[] dst = t.canvas.data(0);
    int stride = t.canvas.stride(0);
    for (int b = 0; b < 16; b++) {
      int above = t.keyFrame ? aboveSubMode(mb, row, b) : 0;
      int left = t.keyFrame ? leftSubMode(mb, col, b) : 0;
      int off = MacroblockPredictor.subblockOffset(t.canvas, row, col, b);
      int ctx = ctxA[MacroblockTrials.ABOVE_SLOT[b]] + ctxL[MacroblockTrials.LEFT_SLOT[b]];
      t.predictor.loadSubblockEdge(t.canvas, row, col, b);
      int kept = preselect(row, col, b, above, left, src, dst, off, stride);
      long bestSub = Long.MAX_VALUE;
      int bestSubMode = 0;
      int bestSubRate = 0;
      int bestSubSse = 0;
      int last = -1;
      for (int k = 0; k < kept; k++) {
        int m = subModes[k];
        t.predictor.predictSubblockFromEdge(t.canvas, row, col, b, m);
        t.coder.codeSubblock(b, src, off, stride, dst, off, stride, q, trial);
        last = m;
        int r =
            t.modeCosts.bMode(above, left, m)
                + t.tokenCosts.blockCost(
                    trial.coeffs, b * 16, CoefficientTables.TYPE_Y_WITH_DC, ctx, trial.ends[b]);
        int d = BlockError.sse(src, off, stride, dst, off, stride, 4, 4);
        long c = t.rd.cost(r, d);
        if (c < bestSub) {
          bestSub = c;
          bestSubMode = m;
          bestSubRate = r;
          bestSubSse = d;
          if (k < kept - 1) {
            saveSubblock(trial, b, dst, off, stride);
          }
        }
      }
      if (bestSubMode != last) {
        restoreSubblock(trial, b, dst, off, stride);
      }
      trialSub[b] = bestSubMode;
      rate += bestSubRate;
      sse += bestSubSse;
      byte nz = (byte) (trial.ends[b] > 0 ? 1 : 0);
      ctxA[MacroblockTrials.ABOVE_SLOT[b]] = nz;
      ctxL[MacroblockTrials.LEFT_SLOT[b]] = nz;
      if (t.rd.cost(rate, sse) >= t.bestCost) {
        return;
      }
    }
    MacroblockTrials.copyCoefficients(trial, combined, 0, 16);
    MacroblockTrials.clearBlocks(combined, Residuals.Y2, Residuals.BLOCKS);
    MacroblockTrials.copyCoefficients(bestChroma, combined, 16, 24);
    if (t.offer(t.rd.cost(rate, sse), PredictionMode.B_PRED, 0, combined, row, col, chromaRecon)) {
      t.bestUvMode = uvMode;
      System.arraycopy(trialSub, 0, t.bestSubModes, 0, 16);
    }
  }

  /** Keeps subblock b's coefficients and reconstruction, of a candidate that may win. */
  private void saveSubblock(MacroblockCoefficients trial, int b, byte[] dst, int off, int stride) {
    System.arraycopy(trial.coeffs, b * 16, savedCoeffs, 0, 16);
    savedEnd = trial.ends[b];
    for (int r = 0; r < 4; r++) {
      System.arraycopy(dst, off + r * stride, savedRecon, r * 4, 4);
    }
  }

  /** Puts back what {@link #saveSubblock} kept (instead of coding the winner again). */
  private void restoreSubblock(
      MacroblockCoefficients trial, int b, byte[] dst, int off, int stride) {
    System.arraycopy(savedCoeffs, 0, trial.coeffs, b * 16, 16);
    trial.ends[b] = savedEnd;
    for (int r = 0; r < 4; r++) {
      System.arraycopy(savedRecon, r * 4, dst, off + r * stride, 4);
    }
  }

  /**
   * Ranks subblock b's ten modes by SATD plus mode rate into {@link #subModes}; returns how many
   * are kept.
   */
  private int preselect(
      int row, int col, int b, int above, int left, byte[] src, byte[] dst, int off, int stride) {
    int kept = 0;
    boolean tmSeparable = SeparableSatd.tmUnclamped(t.predictor.edge());
    for (int m = 0; m < 10; m++) {
      t.predictor.predictSubblockFromEdge(t.canvas, row, col, b, m);
      // DC, VE and HE predictions are separable by construction, TM when it does not clamp.
      boolean separable =
          m == PredictionMode.B_TM_PRED ? tmSeparable : m <= PredictionMode.B_HE_PRED;
      int satd =
          separable
              ? t.lumaSources.separable(b, dst, off, stride)
              : Satd.satd4x4(src, off, stride, dst, off, stride);
      int score = satd + t.rd.sadRate(t.modeCosts.bMode(above, left, m));
      int k = Math.min(kept, SUBBLOCK_CANDIDATES - 1);
      if (kept < SUBBLOCK_CANDIDATES || score < subScores[k]) {
        while (k > 0 && subScores[k - 1] > score) {
          subScores[k] = subScores[k - 1];
          subModes[k] = subModes[k - 1];
          k--;
        }
        subScores[k] = score;
        subModes[k] = m;
        kept = Math.min(kept + 1, SUBBLOCK_CANDIDATES);
      }
    }
    int limit = subScores[0] + subScores[0] * SUBBLOCK_MARGIN_PERCENT / 100;
    while (kept > 1 && subScores[kept - 1] > limit) {
      kept--;
    }
    return kept;
  }

  /** Key frames: the subblock mode above subblock b, as the mode reader derives it. */
  private int aboveSubMode(int mb, int row, int b) {
    if (b >= 4) {
      return trialSub[b - 4];
    }
    if (row == 0) {
      return PredictionMode.B_DC_PRED;
    }
    int a = mb - mbCols;
    return yModes[a] == PredictionMode.B_PRED
        ? committedSub[a * 16 + b + 12]
        : ModeCosts.impliedSubblockMode(yModes[a]);
  }

  /** Key frames: the subblock mode left of subblock b. */
  private int leftSubMode(int mb, int col, int b) {
    if ((b & 3) != 0) {
      return trialSub[b - 1];
    }
    if (col == 0) {
      return PredictionMode.B_DC_PRED;
    }
    int l = mb - 1;
    return yModes[l] == PredictionMode.B_PRED
        ? committedSub[l * 16 + b + 3]
        : ModeCosts.impliedSubblockMode(yModes[l]);
  }
}
