package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.MacroblockModesBuilder;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;
import org.excamera.codec.syntax.ResidualsBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Chooses every macroblock's prediction by rate-distortion cost and codes it (RFC 6386 §11–18), in
 * raster order into a canvas that holds the frame being built, so that intra prediction and the
 * near-MV search see exactly what a decoder will. Per macroblock, the inter candidates of
 * interframes ({@link InterCandidates}) and the intra candidates ({@link IntraCandidates}) are
 * tried on one {@link MacroblockTrials}: each is predicted with the decoder's kernels, its residual
 * coded and reconstructed ({@link MacroblockResidualCoder}), and costed by {@link
 * RateDistortion#cost} of the squared error of that reconstruction against the target and the bits
 * of its prediction record ({@link ModeCosts}, {@link MvCosts}), skip flag and tokens ({@link
 * TokenCosts}, with the neighbour contexts the token writer will use). The winner's record,
 * coefficients and reconstruction are committed. A single-use, single-threaded object.
 */
final class ModeDecision {
  /** Estimated {@code prob_intra}; the frame's own follows from the decisions. */
  static final int PROB_INTRA_ESTIMATE = 40;

  /** Estimated {@code prob_last}; the frame's own follows from the decisions. */
  static final int PROB_LAST_ESTIMATE = 250;

  private final MacroblockTrials trials;
  private final @Nullable InterCandidates inter;
  private final IntraCandidates intra;
  private final int mbCols;
  private final int mbRows;
  private final MacroblockModesBuilder modes;
  private final ResidualsBuilder residuals;

  // Running skip estimate: macroblocks coded so far, and those without coefficients.
  private int coded;
  private int skipped;

  /**
   * Decisions for a key frame ({@code reference} and {@code mvCosts} null) or an interframe
   * predicting from {@code reference}.
   */
  ModeDecision(
      Picture source,
      @Nullable Picture reference,
      QuantizerTables tables,
      TokenCosts tokenCosts,
      ModeCosts modeCosts,
      @Nullable MvCosts mvCosts,
      RateDistortion rd) {
    boolean keyFrame = reference == null;
    if (!keyFrame && mvCosts == null) {
      throw new IllegalArgumentException("an interframe needs motion vector costs");
    }
    this.trials = new MacroblockTrials(keyFrame, source, tokenCosts, modeCosts, rd);
    this.inter =
        reference == null || mvCosts == null
            ? null
            : new InterCandidates(trials, reference, mvCosts, tables);
    this.mbCols = source.dimensions().mbCols();
    this.mbRows = source.dimensions().mbRows();
    this.intra = new IntraCandidates(trials, tables, mbRows);
    this.modes = new MacroblockModesBuilder(mbCols, mbRows);
    this.residuals = new ResidualsBuilder(mbCols * mbRows);
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
    MacroblockPredictor.prepare(trials.canvas);
    for (int row = 0; row < mbRows; row++) {
      Arrays.fill(trials.leftCtx, (byte) 0);
      for (int col = 0; col < mbCols; col++) {
        trials.begin(EntropyChoices.binaryProb(coded - skipped + 1, skipped + 1));
        if (inter != null) {
          inter.run(modes, row, col);
        }
        intra.run(row, col);
        commit(row, col);
      }
      MacroblockPredictor.finishRow(trials.canvas, row);
    }
    return trials.canvas.freeze();
  }

  private void commit(int row, int col) {
    int mb = row * mbCols + col;
    MacroblockTrials t = trials;
    t.restoreBest(row, col);
    int mode = t.bestMode;
    if (mode == PredictionMode.B_PRED) {
      modes.bPred(mb, t.bestSubModes, t.bestUvMode);
    } else if (PredictionMode.isInter(mode)) {
      modes.inter(mb, ReferenceFrame.LAST_FRAME, mode, t.bestMv);
    } else {
      modes.intra(mb, mode, t.bestUvMode);
    }
    intra.committed(mb, mode, t.bestSubModes);
    boolean empty = t.best.isEmpty();
    modes.skip(mb, empty);
    t.best.copyTo(residuals, mb);
    t.commitContexts(col, mode != PredictionMode.B_PRED);
    coded++;
    if (empty) {
      skipped++;
    }
  }
}
