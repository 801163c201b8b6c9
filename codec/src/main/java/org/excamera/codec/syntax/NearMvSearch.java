package org.excamera.codec.syntax;

import org.excamera.codec.tables.ModeTables;

/**
 * The near-MV search of RFC 6386 §16.3 (the reference decoder's {@code find_near_mvs}): from the
 * above, left and above-left macroblocks of the current frame it finds the "nearest" and "near"
 * vectors and the "best" one, counts how strongly each is supported, and turns the counts into the
 * four probabilities of the inter mode tree. Neighbours outside the frame count as intra. Also
 * holds the MV clamping bounds of §18.1 (one macroblock beyond the frame). Scratch object: one per
 * parse or write, not shared between threads.
 */
final class NearMvSearch {
  static final int BEST = 0;
  static final int NEAREST = 1;
  static final int NEAR = 2;
  private static final int SPLIT = 3;
  private static final int[] MODE_CONTEXTS = ModeTables.modeContexts();

  final int[] nearMvs = new int[4];
  final int[] counts = new int[4];
  final int[] probs = new int[4];
  private int toLeft;
  private int toRight;
  private int toTop;
  private int toBottom;

  /** Runs the search for macroblock (row, col) predicting from {@code ref}. */
  void find(MacroblockModesBuilder m, int row, int col, int ref, boolean[] signBias) {
    int mbCols = m.mbCols;
    int mb = row * mbCols + col;
    int[] near = nearMvs;
    int[] cnt = counts;
    near[0] = near[1] = near[2] = near[3] = 0;
    cnt[0] = cnt[1] = cnt[2] = cnt[3] = 0;
    int idx = 0;
    boolean bias = signBias[ref];

    if (row > 0) {
      int a = mb - mbCols;
      int aRef = m.refFrame[a];
      if (aRef != ReferenceFrame.INTRA_FRAME) {
        int v = m.mv[a];
        if (v != 0) {
          near[++idx] = signBias[aRef] != bias ? MotionVector.negate(v) : v;
        }
        cnt[idx] += 2;
      }
    }
    if (col > 0) {
      int l = mb - 1;
      int lRef = m.refFrame[l];
      if (lRef != ReferenceFrame.INTRA_FRAME) {
        int v = m.mv[l];
        if (v != 0) {
          int t = signBias[lRef] != bias ? MotionVector.negate(v) : v;
          if (t != near[idx]) {
            near[++idx] = t;
          }
          cnt[idx] += 2;
        } else {
          cnt[0] += 2;
        }
      }
    }
    if (row > 0 && col > 0) {
      int al = mb - mbCols - 1;
      int alRef = m.refFrame[al];
      if (alRef != ReferenceFrame.INTRA_FRAME) {
        int v = m.mv[al];
        if (v != 0) {
          int t = signBias[alRef] != bias ? MotionVector.negate(v) : v;
          if (t != near[idx]) {
            near[++idx] = t;
          }
          cnt[idx] += 1;
        } else {
          cnt[0] += 1;
        }
      }
    }
    // With three distinct vectors, the above-left one may still merge with the nearest.
    if (cnt[SPLIT] > 0 && near[idx] == near[NEAREST]) {
      cnt[NEAREST] += 1;
    }
    cnt[SPLIT] =
        (isSplit(m, row > 0, mb - mbCols) + isSplit(m, col > 0, mb - 1)) * 2
            + isSplit(m, row > 0 && col > 0, mb - mbCols - 1);
    if (cnt[NEAR] > cnt[NEAREST]) {
      int t = cnt[NEAREST];
      cnt[NEAREST] = cnt[NEAR];
      cnt[NEAR] = t;
      t = near[NEAREST];
      near[NEAREST] = near[NEAR];
      near[NEAR] = t;
    }
    if (cnt[NEAREST] >= cnt[BEST]) {
      near[BEST] = near[NEAREST];
    }
    for (int i = 0; i < 4; i++) {
      probs[i] = MODE_CONTEXTS[cnt[i] * 4 + i];
    }
    toLeft = -((col + 1) << 7);
    toRight = (mbCols - col) << 7;
    toTop = -((row + 1) << 7);
    toBottom = (m.mbRows - row) << 7;
  }

  private static int isSplit(MacroblockModesBuilder m, boolean inside, int mb) {
    return inside && m.yMode[mb] == PredictionMode.SPLITMV ? 1 : 0;
  }

  /** Candidate {@code which} clamped to the bounds of the macroblock searched last. */
  int clamped(int which) {
    int v = nearMvs[which];
    int r = MotionVector.row(v);
    int c = MotionVector.col(v);
    c = c < toLeft ? toLeft : (c > toRight ? toRight : c);
    r = r < toTop ? toTop : (r > toBottom ? toBottom : r);
    return MotionVector.of(r, c);
  }
}
