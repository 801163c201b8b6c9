package org.excamera.codec.syntax;

/**
 * The near-MV search of RFC 6386 §16.3 for encoders. Run over the prediction records chosen so far
 * (a {@link MacroblockModesBuilder} filled in raster order up to the macroblock before), it gives
 * the clamped "nearest", "near" and "best" vectors a decoder will derive for the macroblock, and
 * the four probabilities of the inter mode tree. It wraps the decoder's own search, so the
 * candidates an encoder codes against are exactly the ones the decoder resolves. A scratch object:
 * one per encoder, not shared between threads.
 */
public final class NearMvCandidates {
  private final NearMvSearch search = new NearMvSearch();
  private final boolean[] signBias = new boolean[4];

  /** A search for frames whose golden and altref sign biases are both 0. */
  public NearMvCandidates() {
    this(false, false);
  }

  /** A search for frames with the given golden and altref sign biases (RFC 6386 §9.7). */
  public NearMvCandidates(boolean signBiasGolden, boolean signBiasAltref) {
    signBias[ReferenceFrame.GOLDEN_FRAME] = signBiasGolden;
    signBias[ReferenceFrame.ALTREF_FRAME] = signBiasAltref;
  }

  /**
   * Runs the search for macroblock (row, col) predicting from {@code ref}; only the records of the
   * macroblocks above and to the left are read.
   */
  public void find(MacroblockModesBuilder modes, int row, int col, int ref) {
    if (row < 0 || row >= modes.mbRows() || col < 0 || col >= modes.mbCols()) {
      throw new IllegalArgumentException(
          "macroblock (%d, %d) outside a %dx%d frame"
              .formatted(row, col, modes.mbCols(), modes.mbRows()));
    }
    search.find(modes, row, col, ref, signBias);
  }

  /** The clamped NEARESTMV vector ({@link MotionVector}) of the last search. */
  public int nearest() {
    return search.clamped(NearMvSearch.NEAREST);
  }

  /** The clamped NEARMV vector of the last search. */
  public int near() {
    return search.clamped(NearMvSearch.NEAR);
  }

  /** The clamped best vector of the last search, the base NEWMV and SPLITMV vectors add to. */
  public int best() {
    return search.clamped(NearMvSearch.BEST);
  }

  /** Probability of node {@code node} (0..3) of the inter mode tree for the last search. */
  public int modeProbability(int node) {
    return search.probs[node];
  }
}
