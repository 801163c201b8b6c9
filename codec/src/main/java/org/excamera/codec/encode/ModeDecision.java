package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.syntax.MacroblockModesBuilder;
import org.excamera.codec.syntax.NearMvCandidates;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.syntax.ResidualsBuilder;
import org.excamera.codec.tables.CoefficientTables;
import org.jspecify.annotations.Nullable;

/**
 * Chooses every macroblock's prediction by rate-distortion cost and codes it (RFC 6386 §11–18), in
 * raster order into a canvas that holds the frame being built, so that intra prediction and the
 * near-MV search see exactly what a decoder will. Candidates per macroblock: from the last frame
 * (interframes only) ZEROMV, NEARESTMV, NEARMV (the decoder's near-MV search over the records
 * chosen so far) and NEWMV ({@link MotionEstimator}); intra 16×16 DC/V/H/TM; B_PRED with each
 * subblock's mode chosen in turn; for intra macroblocks the best chroma mode. Each candidate is
 * predicted with the decoder's kernels ({@link MacroblockPredictor}), its residual coded and
 * reconstructed ({@link MacroblockResidualCoder}); its cost is {@link RateDistortion#cost} of the
 * squared error of that reconstruction against the target and the bits of its prediction record
 * ({@link ModeCosts}, {@link MvCosts}), skip flag and tokens ({@link TokenCosts}, with the
 * neighbour contexts the token writer will use). The winner's reconstruction and coefficients are
 * kept. A single-use, single-threaded object.
 */
final class ModeDecision {
  private static final int[] ABOVE_SLOT = new int[25];
  private static final int[] LEFT_SLOT = new int[25];

  static {
    for (int b = 0; b < 25; b++) {
      ABOVE_SLOT[b] = TokenBranchCounts.aboveSlot(b);
      LEFT_SLOT[b] = TokenBranchCounts.leftSlot(b);
    }
  }

  /** Estimated probabilities of the record bits whose real values follow from the decisions. */
  private static final int PROB_INTRA_ESTIMATE = 40;

  private static final int PROB_LAST_ESTIMATE = 250;

  private final boolean keyFrame;
  private final Picture source;
  private final @Nullable Picture reference;
  private final PictureBuilder canvas;
  private final int mbCols;
  private final int mbRows;
  private final MacroblockModesBuilder modes;
  private final ResidualsBuilder residuals;
  private final MacroblockQuantizer intraQ;
  private final MacroblockQuantizer zeroMvQ;
  private final MacroblockQuantizer motionQ;
  private final TokenCosts tokenCosts;
  private final ModeCosts modeCosts;
  private final @Nullable MvCosts mvCosts;
  private final RateDistortion rd;
  private final @Nullable MotionEstimator motion;
  private final NearMvCandidates near = new NearMvCandidates();
  private final MacroblockPredictor predictor = new MacroblockPredictor(0);
  private final MacroblockResidualCoder coder = new MacroblockResidualCoder();
  private final int[] interModeCosts = new int[10];

  // Scratch per macroblock.
  private final MacroblockCoefficients trial = new MacroblockCoefficients();
  private final MacroblockCoefficients best = new MacroblockCoefficients();
  private final MacroblockCoefficients bestChroma = new MacroblockCoefficients();
  private final byte[] bestRecon = new byte[384];
  private final byte[] chromaRecon = new byte[128];
  private final byte[] aboveCtx;
  private final byte[] leftCtx = new byte[9];
  private final byte[] ctxA = new byte[9];
  private final byte[] ctxL = new byte[9];
  private final int[] yModes;
  private final byte[] subModes;
  private final int[] chosenSub = new int[16];
  private final int[] trialSub = new int[16];

  /** Subblock modes that get the full rate-distortion test, of the ten. */
  private static final int SUBBLOCK_CANDIDATES = 3;

  private final int[] candidateScore = new int[SUBBLOCK_CANDIDATES];
  private final int[] candidateMode = new int[SUBBLOCK_CANDIDATES];

  // Running skip estimate: macroblocks coded so far, and those without coefficients.
  private int coded;
  private int skipped;

  // The best candidate of the current macroblock.
  private long bestCost;
  private int bestMode;
  private int bestMv;
  private int bestUvMode;

  ModeDecision(
      boolean keyFrame,
      Picture source,
      @Nullable Picture reference,
      QuantizerTables tables,
      TokenCosts tokenCosts,
      ModeCosts modeCosts,
      @Nullable MvCosts mvCosts,
      RateDistortion rd) {
    if (!keyFrame && (reference == null || mvCosts == null)) {
      throw new IllegalArgumentException("an interframe needs a reference and MV costs");
    }
    this.keyFrame = keyFrame;
    this.source = source;
    this.reference = reference;
    this.canvas = PictureBuilder.blank(source.dimensions());
    this.mbCols = source.dimensions().mbCols();
    this.mbRows = source.dimensions().mbRows();
    this.modes = new MacroblockModesBuilder(mbCols, mbRows);
    this.residuals = new ResidualsBuilder(mbCols * mbRows);
    this.intraQ = MacroblockQuantizer.of(tables);
    this.zeroMvQ = MacroblockQuantizer.withModeBoost(tables, ZbinBoost.LAST_ZEROMV);
    this.motionQ = MacroblockQuantizer.withModeBoost(tables, ZbinBoost.MOTION);
    this.tokenCosts = tokenCosts;
    this.modeCosts = modeCosts;
    this.mvCosts = mvCosts;
    this.rd = rd;
    this.motion =
        reference == null || mvCosts == null
            ? null
            : new MotionEstimator(reference.y(), mvCosts, rd);
    if (source.y().stride() != canvas.stride(0)
        || source.y().origin() != canvas.origin(0)
        || source.u().stride() != canvas.stride(1)
        || source.u().origin() != canvas.origin(1)) {
      throw new IllegalArgumentException("the source must have the canvas's plane layout");
    }
    this.aboveCtx = new byte[mbCols * 9];
    this.yModes = new int[mbCols * mbRows];
    this.subModes = new byte[mbCols * mbRows * 16];
  }

  /** The decisions: prediction records (skip flags set for macroblocks without coefficients). */
  MacroblockModesBuilder modes() {
    return modes;
  }

  /** The coefficients of every macroblock. */
  ResidualsBuilder residuals() {
    return residuals;
  }

  /** Codes the whole frame and returns its unfiltered reconstruction. */
  Picture run() {
    MacroblockPredictor.prepare(canvas);
    for (int row = 0; row < mbRows; row++) {
      Arrays.fill(leftCtx, (byte) 0);
      for (int col = 0; col < mbCols; col++) {
        macroblock(row, col);
      }
      MacroblockPredictor.finishRow(canvas, row);
    }
    return canvas.freeze();
  }

  private void macroblock(int row, int col) {
    int mb = row * mbCols + col;
    bestCost = Long.MAX_VALUE;
    int probSkip = EntropyChoices.binaryProb(coded - skipped + 1, skipped + 1);
    int skipYes = BoolCosts.costOne(probSkip);
    int skipNo = BoolCosts.costZero(probSkip);
    if (!keyFrame) {
      interCandidates(row, col, skipYes, skipNo);
    }
    intraCandidates(row, col, skipYes, skipNo);
    commit(mb, row, col);
  }

  // ---------------------------------------------------------------- inter candidates

  private void interCandidates(int row, int col, int skipYes, int skipNo) {
    near.find(modes, row, col, ReferenceFrame.LAST_FRAME);
    ModeCosts.interModes(near, interModeCosts);
    int refCost = BoolCosts.costOne(PROB_INTRA_ESTIMATE) + BoolCosts.costZero(PROB_LAST_ESTIMATE);
    int nearest = near.nearest();
    int nearMv = near.near();
    // A vector reachable by several modes is coded with the cheapest of them.
    int n = 0;
    candidateModes[n] = PredictionMode.ZEROMV;
    candidateMvs[n++] = 0;
    if (nearest != 0 || cheaper(PredictionMode.NEARESTMV, PredictionMode.ZEROMV)) {
      candidateModes[n] = PredictionMode.NEARESTMV;
      candidateMvs[n++] = nearest;
    }
    if ((nearMv != nearest || cheaper(PredictionMode.NEARMV, PredictionMode.NEARESTMV))
        && (nearMv != 0 || cheaper(PredictionMode.NEARMV, PredictionMode.ZEROMV))) {
      candidateModes[n] = PredictionMode.NEARMV;
      candidateMvs[n++] = nearMv;
    }
    int y = source.y().origin() + row * 16 * source.y().stride() + col * 16;
    int newMv =
        motion()
            .search(
                source.y().samplesUnsafe(),
                y,
                source.y().stride(),
                row,
                col,
                near.best(),
                nearest,
                nearMv);
    if (newMv != 0 && newMv != nearest && newMv != nearMv) {
      candidateModes[n] = PredictionMode.NEWMV;
      candidateMvs[n++] = newMv;
    }
    // Every candidate is predicted and tried as a skipped macroblock; only the most promising
    // by SATD and mode rate have their residual coded.
    int last = -1;
    for (int i = 0; i < n; i++) {
      int mode = candidateModes[i];
      predictor.inter(canvas, reference(), row, col, candidateMvs[i]);
      last = i;
      candidateRates[i] = interModeRate(mode, candidateMvs[i], refCost);
      trySkipped(row, col, mode, candidateMvs[i], candidateRates[i] + skipYes);
      candidateScores[i] = predictionSatd(row, col) + rd.sadRate(candidateRates[i]);
    }
    for (int k = 0; k < Math.min(n, CODED_INTER_CANDIDATES); k++) {
      int pick = -1;
      for (int i = 0; i < n; i++) {
        if (candidateScores[i] != Integer.MAX_VALUE
            && (pick < 0 || candidateScores[i] < candidateScores[pick])) {
          pick = i;
        }
      }
      candidateScores[pick] = Integer.MAX_VALUE;
      if (pick != last) {
        predictor.inter(canvas, reference(), row, col, candidateMvs[pick]);
      }
      last = -1;
      tryCoded(row, col, candidateModes[pick], candidateMvs[pick], candidateRates[pick], skipNo);
    }
  }

  /** 16×16 luma and 8×8 chroma intra modes whose residual is coded, of the four. */
  private static final int CODED_INTRA_CANDIDATES = 2;

  private final int[] intraScores = new int[4];

  /** The index of the least score, which is then removed (set to the largest int). */
  private static int takeBest(int[] scores) {
    int pick = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] < scores[pick]) {
        pick = i;
      }
    }
    scores[pick] = Integer.MAX_VALUE;
    return pick;
  }

  /** Inter macroblocks whose residual is coded, of the up to four candidates. */
  private static final int CODED_INTER_CANDIDATES = 2;

  private final int[] candidateModes = new int[4];
  private final int[] candidateMvs = new int[4];
  private final int[] candidateRates = new int[4];
  private final int[] candidateScores = new int[4];

  private int interModeRate(int mode, int mv, int refCost) {
    int rate = refCost + interModeCosts[mode];
    if (mode == PredictionMode.NEWMV) {
      rate += mvCosts().newMv(mv, near.best());
    }
    return rate;
  }

  /** SATD of the prediction in the canvas against the target, luma and chroma. */
  private int predictionSatd(int row, int col) {
    int y = MacroblockPredictor.lumaOffset(canvas, row, col);
    int uv = MacroblockPredictor.chromaOffset(canvas, row, col);
    int ys = canvas.stride(0);
    int uvs = canvas.stride(1);
    return Satd.satd(source.y().samplesUnsafe(), y, ys, canvas.data(0), y, ys, 16)
        + Satd.satd(source.u().samplesUnsafe(), uv, uvs, canvas.data(1), uv, uvs, 8)
        + Satd.satd(source.v().samplesUnsafe(), uv, uvs, canvas.data(2), uv, uvs, 8);
  }

  private MotionEstimator motion() {
    if (motion == null) {
      throw new AssertionError("key frames have no motion search");
    }
    return motion;
  }

  private Picture reference() {
    if (reference == null) {
      throw new AssertionError("key frames have no reference");
    }
    return reference;
  }

  private MvCosts mvCosts() {
    if (mvCosts == null) {
      throw new AssertionError("key frames have no motion vectors");
    }
    return mvCosts;
  }

  private boolean cheaper(int mode, int than) {
    return interModeCosts[mode] < interModeCosts[than];
  }

  /** The predicted macroblock in the canvas as a skipped macroblock: prediction only. */
  private void trySkipped(int row, int col, int mode, int mv, int rate) {
    long cost = rd.cost(rate, lumaSse(row, col) + chromaSse(row, col));
    if (cost < bestCost) {
      bestCost = cost;
      bestMode = mode;
      bestMv = mv;
      best.clear();
      saveRecon(row, col, true, true);
    }
  }

  /** The predicted macroblock in the canvas with its residual coded. */
  private void tryCoded(int row, int col, int mode, int mv, int modeRate, int skipNo) {
    MacroblockQuantizer q = mode == PredictionMode.ZEROMV ? zeroMvQ : motionQ;
    trial.clear();
    codeLuma(row, col, q);
    codeChroma(row, col, q);
    if (trial.isEmpty()) {
      return;
    }
    int rate = modeRate + skipNo + tokenRate(trial, col, true, true, true);
    long cost = rd.cost(rate, lumaSse(row, col) + chromaSse(row, col));
    if (cost < bestCost) {
      bestCost = cost;
      bestMode = mode;
      bestMv = mv;
      copyCoefficients(trial, best, 0, Residuals.BLOCKS);
      saveRecon(row, col, true, true);
    }
  }

  // ---------------------------------------------------------------- intra candidates

  private void intraCandidates(int row, int col, int skipYes, int skipNo) {
    int refCost = keyFrame ? 0 : BoolCosts.costZero(PROB_INTRA_ESTIMATE);
    // Chroma first: its mode is chosen on its own and shared by every luma candidate. Of the
    // four 16×16 (and 8×8) modes, the two best by SATD and mode rate are coded.
    long chromaCost = Long.MAX_VALUE;
    int chromaRate = 0;
    long chromaSse = 0;
    int uv = MacroblockPredictor.chromaOffset(canvas, row, col);
    int uvs = canvas.stride(1);
    for (int m = PredictionMode.DC_PRED; m <= PredictionMode.TM_PRED; m++) {
      predictor.intraChroma(canvas, row, col, m);
      intraScores[m] =
          Satd.satd(source.u().samplesUnsafe(), uv, uvs, canvas.data(1), uv, uvs, 8)
              + Satd.satd(source.v().samplesUnsafe(), uv, uvs, canvas.data(2), uv, uvs, 8)
              + rd.sadRate(modeCosts.uvMode[m]);
    }
    for (int k = 0; k < CODED_INTRA_CANDIDATES; k++) {
      int m = takeBest(intraScores);
      predictor.intraChroma(canvas, row, col, m);
      trial.clear();
      codeChroma(row, col, intraQ);
      int rate = modeCosts.uvMode[m] + tokenRate(trial, col, false, false, true);
      long sse = chromaSse(row, col);
      long cost = rd.cost(rate, sse);
      if (cost < chromaCost) {
        chromaCost = cost;
        chromaRate = rate;
        chromaSse = sse;
        bestUvMode = m;
        copyCoefficients(trial, bestChroma, 16, 24);
        saveChroma(row, col);
      }
    }
    boolean chromaEmpty = true;
    for (int b = 16; b < 24; b++) {
      chromaEmpty &= bestChroma.ends[b] == 0;
    }
    int chromaTokens = chromaRate - modeCosts.uvMode[bestUvMode];
    int y = MacroblockPredictor.lumaOffset(canvas, row, col);
    int ys = canvas.stride(0);
    for (int m = PredictionMode.DC_PRED; m <= PredictionMode.TM_PRED; m++) {
      predictor.intraLuma(canvas, row, col, m);
      intraScores[m] =
          Satd.satd(source.y().samplesUnsafe(), y, ys, canvas.data(0), y, ys, 16)
              + rd.sadRate(modeCosts.yMode[m]);
    }
    for (int k = 0; k < CODED_INTRA_CANDIDATES; k++) {
      int m = takeBest(intraScores);
      predictor.intraLuma(canvas, row, col, m);
      trial.clear();
      codeLuma(row, col, intraQ);
      int rate = refCost + modeCosts.yMode[m] + modeCosts.uvMode[bestUvMode];
      if (trial.isEmpty() && chromaEmpty) {
        rate += skipYes;
      } else {
        rate += skipNo + tokenRate(trial, col, true, true, false) + chromaTokens;
      }
      long cost = rd.cost(rate, lumaSse(row, col) + chromaSse);
      if (cost < bestCost) {
        bestCost = cost;
        bestMode = m;
        copyCoefficients(trial, best, 0, 16);
        copyCoefficients(trial, best, 24, 25);
        copyCoefficients(bestChroma, best, 16, 24);
        saveRecon(row, col, true, false);
        restoreChromaInto(bestRecon);
      }
    }
    bPred(row, col, refCost, skipNo, chromaRate, chromaSse);
  }

  /**
   * B_PRED: each subblock in raster order takes the mode of least cost given the subblocks already
   * chosen. Abandoned as soon as it cannot beat the best candidate.
   */
  private void bPred(int row, int col, int refCost, int skipNo, int chromaRate, long chromaSse) {
    int mb = row * mbCols + col;
    int rate = refCost + modeCosts.yMode[PredictionMode.B_PRED] + skipNo + chromaRate;
    long sse = chromaSse;
    System.arraycopy(aboveCtx, col * 9, ctxA, 0, 9);
    System.arraycopy(leftCtx, 0, ctxL, 0, 9);
    trial.clear();
    byte[] src = source.y().samplesUnsafe();
    byte[] dst = canvas.data(0);
    int stride = canvas.stride(0);
    for (int b = 0; b < 16; b++) {
      int above = keyFrame ? aboveSubMode(mb, row, b) : 0;
      int left = keyFrame ? leftSubMode(mb, col, b) : 0;
      int off = MacroblockPredictor.subblockOffset(canvas, row, col, b);
      int ctx = ctxA[ABOVE_SLOT[b]] + ctxL[LEFT_SLOT[b]];
      // Pre-select by SATD plus mode rate; the full test codes only the best few.
      int kept = 0;
      for (int m = 0; m < 10; m++) {
        predictor.subblock(canvas, row, col, b, m);
        int score =
            Satd.satd4x4(src, off, stride, dst, off, stride)
                + rd.sadRate(modeCosts.bMode(above, left, m));
        int k = Math.min(kept, SUBBLOCK_CANDIDATES - 1);
        if (kept < SUBBLOCK_CANDIDATES || score < candidateScore[k]) {
          while (k > 0 && candidateScore[k - 1] > score) {
            candidateScore[k] = candidateScore[k - 1];
            candidateMode[k] = candidateMode[k - 1];
            k--;
          }
          candidateScore[k] = score;
          candidateMode[k] = m;
          kept = Math.min(kept + 1, SUBBLOCK_CANDIDATES);
        }
      }
      long bestSub = Long.MAX_VALUE;
      int bestSubMode = 0;
      int bestSubRate = 0;
      int bestSubSse = 0;
      int last = -1;
      for (int k = 0; k < kept; k++) {
        int m = candidateMode[k];
        predictor.subblock(canvas, row, col, b, m);
        coder.codeSubblock(b, src, off, stride, dst, off, stride, intraQ, trial);
        last = m;
        int r =
            modeCosts.bMode(above, left, m)
                + tokenCosts.blockCost(
                    trial.coeffs, b * 16, CoefficientTables.TYPE_Y_WITH_DC, ctx, trial.ends[b]);
        int d = BlockError.sse(src, off, stride, dst, off, stride, 4, 4);
        long c = rd.cost(r, d);
        if (c < bestSub) {
          bestSub = c;
          bestSubMode = m;
          bestSubRate = r;
          bestSubSse = d;
        }
      }
      if (bestSubMode != last) {
        predictor.subblock(canvas, row, col, b, bestSubMode);
        coder.codeSubblock(b, src, off, stride, dst, off, stride, intraQ, trial);
      }
      trialSub[b] = bestSubMode;
      rate += bestSubRate;
      sse += bestSubSse;
      byte nz = (byte) (trial.ends[b] > 0 ? 1 : 0);
      ctxA[ABOVE_SLOT[b]] = nz;
      ctxL[LEFT_SLOT[b]] = nz;
      if (rd.cost(rate, sse) >= bestCost) {
        return;
      }
    }
    long cost = rd.cost(rate, sse);
    if (cost < bestCost) {
      bestCost = cost;
      bestMode = PredictionMode.B_PRED;
      System.arraycopy(trialSub, 0, chosenSub, 0, 16);
      copyCoefficients(trial, best, 0, 16);
      best.ends[Residuals.Y2] = 0;
      Arrays.fill(best.coeffs, Residuals.Y2 * 16, Residuals.BLOCKS * 16, (short) 0);
      copyCoefficients(bestChroma, best, 16, 24);
      saveRecon(row, col, true, false);
      restoreChromaInto(bestRecon);
    }
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
        ? subModes[a * 16 + b + 12]
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
        ? subModes[l * 16 + b + 3]
        : ModeCosts.impliedSubblockMode(yModes[l]);
  }

  // ---------------------------------------------------------------- the winner

  private void commit(int mb, int row, int col) {
    restoreRecon(row, col);
    yModes[mb] = bestMode;
    if (bestMode == PredictionMode.B_PRED) {
      for (int b = 0; b < 16; b++) {
        subModes[mb * 16 + b] = (byte) chosenSub[b];
      }
      modes.bPred(mb, chosenSub, bestUvMode);
    } else if (PredictionMode.isInter(bestMode)) {
      modes.inter(mb, ReferenceFrame.LAST_FRAME, bestMode, bestMv);
    } else {
      modes.intra(mb, bestMode, bestUvMode);
    }
    boolean empty = best.isEmpty();
    modes.skip(mb, empty);
    best.copyTo(residuals, mb);
    boolean hasY2 = bestMode != PredictionMode.B_PRED;
    int a = col * 9;
    for (int b = 0; b < 25; b++) {
      if (b == Residuals.Y2 && !hasY2) {
        continue;
      }
      byte nz = (byte) (best.ends[b] > 0 ? 1 : 0);
      aboveCtx[a + ABOVE_SLOT[b]] = nz;
      leftCtx[LEFT_SLOT[b]] = nz;
    }
    coded++;
    if (empty) {
      skipped++;
    }
  }

  // ---------------------------------------------------------------- helpers

  private void codeLuma(int row, int col, MacroblockQuantizer q) {
    int off = MacroblockPredictor.lumaOffset(canvas, row, col);
    int stride = canvas.stride(0);
    coder.codeLuma(
        source.y().samplesUnsafe(), off, stride, canvas.data(0), off, stride, q, true, trial);
  }

  private void codeChroma(int row, int col, MacroblockQuantizer q) {
    int off = MacroblockPredictor.chromaOffset(canvas, row, col);
    int stride = canvas.stride(1);
    coder.codeChroma(
        source.u().samplesUnsafe(),
        source.v().samplesUnsafe(),
        off,
        stride,
        canvas.data(1),
        canvas.data(2),
        off,
        stride,
        q,
        trial);
  }

  private long lumaSse(int row, int col) {
    int off = MacroblockPredictor.lumaOffset(canvas, row, col);
    int stride = canvas.stride(0);
    return BlockError.sse(
        source.y().samplesUnsafe(), off, stride, canvas.data(0), off, stride, 16, 16);
  }

  private long chromaSse(int row, int col) {
    int off = MacroblockPredictor.chromaOffset(canvas, row, col);
    int stride = canvas.stride(1);
    return BlockError.sse(
            source.u().samplesUnsafe(), off, stride, canvas.data(1), off, stride, 8, 8)
        + BlockError.sse(
            source.v().samplesUnsafe(), off, stride, canvas.data(2), off, stride, 8, 8);
  }

  /**
   * Token rate of a macroblock's blocks in coding order (Y2, Y, U, V) with the contexts the
   * neighbours leave; {@code luma} selects the Y2 and Y blocks, {@code chroma} the U and V ones.
   */
  private int tokenRate(
      MacroblockCoefficients c, int col, boolean hasY2, boolean luma, boolean chroma) {
    System.arraycopy(aboveCtx, col * 9, ctxA, 0, 9);
    System.arraycopy(leftCtx, 0, ctxL, 0, 9);
    int rate = 0;
    if (luma) {
      int typeY = CoefficientTables.TYPE_Y_WITH_DC;
      if (hasY2) {
        rate += blockRate(c, Residuals.Y2, CoefficientTables.TYPE_Y2);
        typeY = CoefficientTables.TYPE_Y_AFTER_Y2;
      }
      for (int b = 0; b < 16; b++) {
        rate += blockRate(c, b, typeY);
      }
    }
    if (chroma) {
      for (int b = 16; b < 24; b++) {
        rate += blockRate(c, b, CoefficientTables.TYPE_UV);
      }
    }
    return rate;
  }

  private int blockRate(MacroblockCoefficients c, int b, int type) {
    int ctx = ctxA[ABOVE_SLOT[b]] + ctxL[LEFT_SLOT[b]];
    int end = c.ends[b];
    byte nz = (byte) (end > 0 ? 1 : 0);
    ctxA[ABOVE_SLOT[b]] = nz;
    ctxL[LEFT_SLOT[b]] = nz;
    return tokenCosts.blockCost(c.coeffs, b * 16, type, ctx, end);
  }

  private static void copyCoefficients(
      MacroblockCoefficients from, MacroblockCoefficients to, int firstBlock, int endBlock) {
    System.arraycopy(
        from.coeffs, firstBlock * 16, to.coeffs, firstBlock * 16, (endBlock - firstBlock) * 16);
    System.arraycopy(from.ends, firstBlock, to.ends, firstBlock, endBlock - firstBlock);
  }

  /** Copies the canvas's macroblock (luma, and chroma when asked) into {@link #bestRecon}. */
  private void saveRecon(int row, int col, boolean luma, boolean chroma) {
    if (luma) {
      copyBlock(
          canvas.data(0),
          MacroblockPredictor.lumaOffset(canvas, row, col),
          canvas.stride(0),
          bestRecon,
          0,
          16,
          true);
    }
    if (chroma) {
      int off = MacroblockPredictor.chromaOffset(canvas, row, col);
      int stride = canvas.stride(1);
      copyBlock(canvas.data(1), off, stride, bestRecon, 256, 8, true);
      copyBlock(canvas.data(2), off, stride, bestRecon, 320, 8, true);
    }
  }

  private void saveChroma(int row, int col) {
    int off = MacroblockPredictor.chromaOffset(canvas, row, col);
    int stride = canvas.stride(1);
    copyBlock(canvas.data(1), off, stride, chromaRecon, 0, 8, true);
    copyBlock(canvas.data(2), off, stride, chromaRecon, 64, 8, true);
  }

  private void restoreChromaInto(byte[] recon) {
    System.arraycopy(chromaRecon, 0, recon, 256, 128);
  }

  private void restoreRecon(int row, int col) {
    copyBlock(
        canvas.data(0),
        MacroblockPredictor.lumaOffset(canvas, row, col),
        canvas.stride(0),
        bestRecon,
        0,
        16,
        false);
    int off = MacroblockPredictor.chromaOffset(canvas, row, col);
    int stride = canvas.stride(1);
    copyBlock(canvas.data(1), off, stride, bestRecon, 256, 8, false);
    copyBlock(canvas.data(2), off, stride, bestRecon, 320, 8, false);
  }

  /** Copies an n×n block between a plane and a packed buffer, in the direction asked. */
  private static void copyBlock(
      byte[] plane, int off, int stride, byte[] packed, int packedOff, int n, boolean toPacked) {
    for (int r = 0; r < n; r++) {
      if (toPacked) {
        System.arraycopy(plane, off + r * stride, packed, packedOff + r * n, n);
      } else {
        System.arraycopy(packed, packedOff + r * n, plane, off + r * stride, n);
      }
    }
  }
}
