package org.excamera.codec.encode;

import org.excamera.codec.state.ProbabilityVector;
import org.excamera.codec.syntax.NearMvCandidates;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.tables.ModeTables;

/**
 * Bit costs (1/256 bit, {@link BoolCosts}) of the prediction records of RFC 6386 §11 and §16: luma,
 * chroma and subblock intra modes of key frames (fixed probabilities; subblock modes in the context
 * of the above and left subblock modes) and of interframes (the frame's luma and chroma mode
 * probabilities; fixed subblock probabilities), and the inter modes under the near-MV search's
 * probabilities. Immutable, except {@link #interModes}, which fills a caller's array.
 */
final class ModeCosts {
  private static final int[] KF_YMODE_TREE = ModeTables.kfYModeTree();
  private static final int[] YMODE_TREE = ModeTables.yModeTree();
  private static final int[] UV_MODE_TREE = ModeTables.uvModeTree();
  private static final int[] BMODE_TREE = ModeTables.bModeTree();
  private static final int[] MV_REF_TREE = ModeTables.mvRefTree();

  /** Luma mode costs, indexed DC_PRED..B_PRED. */
  final int[] yMode = new int[5];

  /** Chroma mode costs, indexed DC_PRED..TM_PRED. */
  final int[] uvMode = new int[4];

  // Interframes: [mode]; key frames: [(above * 10 + left) * 10 + mode].
  private final int[] bMode;
  private final boolean keyFrame;

  private ModeCosts(boolean keyFrame, int[] yProbs, int[] uvProbs) {
    this.keyFrame = keyFrame;
    BoolCosts.treeCosts(keyFrame ? KF_YMODE_TREE : YMODE_TREE, node -> yProbs[node], 0, yMode);
    BoolCosts.treeCosts(UV_MODE_TREE, node -> uvProbs[node], 0, uvMode);
    if (keyFrame) {
      int[] probs = ModeTables.kfBModeProbs();
      bMode = new int[1000];
      int[] row = new int[10];
      for (int ctx = 0; ctx < 100; ctx++) {
        int o = ctx * 9;
        BoolCosts.treeCosts(BMODE_TREE, node -> probs[o + node], 0, row);
        System.arraycopy(row, 0, bMode, ctx * 10, 10);
      }
    } else {
      int[] probs = ModeTables.defaultBModeProbs();
      bMode = new int[10];
      BoolCosts.treeCosts(BMODE_TREE, node -> probs[node], 0, bMode);
    }
  }

  /** Costs of a key frame's modes. */
  static ModeCosts keyFrame() {
    return new ModeCosts(true, ModeTables.kfYModeProbs(), ModeTables.kfUvModeProbs());
  }

  /** Costs of an interframe's intra modes under its luma and chroma mode probabilities. */
  static ModeCosts interframe(ProbabilityVector yModeProbs, ProbabilityVector uvModeProbs) {
    return new ModeCosts(false, yModeProbs.toIntArray(), uvModeProbs.toIntArray());
  }

  /**
   * Cost of subblock mode {@code mode}; in key frames in the context of the subblock modes above
   * and to the left (ignored in interframes).
   */
  int bMode(int above, int left, int mode) {
    return keyFrame ? bMode[(above * 10 + left) * 10 + mode] : bMode[mode];
  }

  /**
   * Fills {@code out[NEARESTMV..SPLITMV]} with the inter mode costs under the probabilities of the
   * last search of {@code near}; {@code out} needs 10 entries.
   */
  static void interModes(NearMvCandidates near, int[] out) {
    BoolCosts.treeCosts(MV_REF_TREE, near::modeProbability, 0, out);
  }

  /** The implied subblock mode of a 16×16 luma mode, the context a non-B_PRED neighbour gives. */
  static int impliedSubblockMode(int yMode) {
    return PredictionMode.impliedSubblockMode(yMode);
  }
}
