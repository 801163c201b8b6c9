package org.excamera.codec.encode;

import org.excamera.codec.picture.Plane;
import org.excamera.codec.syntax.MotionVector;

/**
 * Finds a macroblock's NEWMV vector against one reference (RFC 6386 §17–18): the candidate starting
 * points (the zero vector and the near-MV search's best, nearest and near vectors, rounded to whole
 * samples) are scored by SAD plus the rate of coding them against the best vector, the winner seeds
 * a whole-sample hexagon search ({@link MotionSearch#fullPel}), and the result is refined to half
 * and quarter samples with the six-tap filter ({@link MotionSearch#subPel}) scored by SSE plus
 * rate. Rates come from {@link MvCosts} weighted by {@link RateDistortion}. Vectors are packed
 * {@link MotionVector}s in the decoder's units (twice quarter samples). A scratch object for one
 * frame and one thread.
 */
final class MotionEstimator {
  /** Whole samples the hexagon search may move from its start. */
  static final int RANGE = 64;

  private final SearchPlane ref;
  private final SubPelErrors subPelErrors;
  private final MvCosts mvCosts;
  private final RateDistortion rd;
  private int bestRowQ;
  private int bestColQ;
  private final MotionSearch.MvCost sadCost = this::sadCost;
  private final MotionSearch.MvCost sseCost = this::sseCost;

  MotionEstimator(Plane reference, MvCosts mvCosts, RateDistortion rd) {
    this.ref =
        SearchPlane.of(
            reference.samplesUnsafe(),
            reference.origin(),
            reference.stride(),
            reference.width(),
            reference.height());
    this.subPelErrors = new SubPelErrors(ref);
    this.mvCosts = mvCosts;
    this.rd = rd;
  }

  private int sadCost(int rowQ, int colQ) {
    return rd.sadRate(mvCosts.difference(rowQ - bestRowQ, colQ - bestColQ));
  }

  private int sseCost(int rowQ, int colQ) {
    return rd.sadRate(mvCosts.difference(rowQ - bestRowQ, colQ - bestColQ));
  }

  /** A vector component in the decoder's units rounded to whole samples. */
  private static int wholeSamples(int component) {
    return ((component >> 1) + 2) >> 2;
  }

  /**
   * The NEWMV vector of the 16×16 source block at {@code src[srcOff]} whose macroblock is (row,
   * col), coded against {@code best}; the other candidates only seed the search. The result's
   * difference from {@code best} is codable ({@link MvCosts#MAX_COMPONENT}).
   */
  int search(
      byte[] src, int srcOff, int srcStride, int row, int col, int best, int nearest, int near) {
    bestRowQ = MotionVector.row(best) >> 1;
    bestColQ = MotionVector.col(best) >> 1;
    int x = col * 16;
    int y = row * 16;
    int[] seeds = {best, MotionVector.ZERO, nearest, near};
    int startRow = bestRowQ;
    int startCol = bestColQ;
    int startCost = Integer.MAX_VALUE;
    for (int k = 0; k < seeds.length; k++) {
      int seedRow = wholeSamples(MotionVector.row(seeds[k]));
      int seedCol = wholeSamples(MotionVector.col(seeds[k]));
      boolean seen = false;
      for (int j = 0; j < k; j++) {
        seen |=
            wholeSamples(MotionVector.row(seeds[j])) == seedRow
                && wholeSamples(MotionVector.col(seeds[j])) == seedCol;
      }
      if (seen) {
        continue;
      }
      // A search of range 0 scores the seed where the window allows it.
      MotionSearch.Result r =
          MotionSearch.fullPel(
              src, srcOff, srcStride, 16, 16, ref, x, y, seedRow << 2, seedCol << 2, 0, sadCost);
      if (r.cost() < startCost) {
        startCost = r.cost();
        startRow = r.row();
        startCol = r.col();
      }
    }
    MotionSearch.Result full =
        MotionSearch.fullPel(
            src, srcOff, srcStride, 16, 16, ref, x, y, startRow, startCol, RANGE, sadCost);
    MotionSearch.Result sub =
        MotionSearch.subPelCross(src, srcOff, srcStride, 16, 16, x, y, full, sseCost, subPelErrors);
    int rowQ = sub.row();
    int colQ = sub.col();
    if (Math.abs(rowQ - bestRowQ) > MvCosts.MAX_COMPONENT
        || Math.abs(colQ - bestColQ) > MvCosts.MAX_COMPONENT) {
      return best;
    }
    return MotionVector.of(rowQ << 1, colQ << 1);
  }
}
