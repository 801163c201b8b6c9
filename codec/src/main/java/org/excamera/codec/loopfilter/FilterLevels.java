package org.excamera.codec.loopfilter;

import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.LoopFilterHeader;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;

/**
 * Loop filter levels and limits of a frame (RFC 6386 §9.4, §15.4, libvpx's {@code
 * vp8_loop_filter_frame_init}): a macroblock's level is the frame level, replaced or adjusted by
 * its segment (clamped to 0..63), then adjusted by its reference frame and, except for 16x16 intra
 * modes, its mode class, and clamped again. Limits follow from the level and the sharpness.
 */
public final class FilterLevels {
  private final int[][][] levels = new int[4][4][4]; // [segment][ref][mode class]
  private final int sharpness;
  private final boolean keyFrame;

  /** Levels of a frame; {@code segments} and {@code adjustments} are after its header updates. */
  public FilterLevels(FrameHeader h, Segmentation segments, FilterAdjustments adjustments) {
    LoopFilterHeader lf = h.loopFilter();
    this.sharpness = lf.sharpnessLevel();
    this.keyFrame = h.keyFrame();
    int base = lf.loopFilterLevel();
    boolean segmentation = h.segmentation().segmentationEnabled();
    boolean deltas = lf.deltas().loopFilterAdjEnable();
    for (int s = 0; s < 4; s++) {
      int lvlSeg = base;
      if (segmentation) {
        lvlSeg =
            segments.absoluteValues() ? segments.filterLevel(s) : base + segments.filterLevel(s);
        lvlSeg = clamp63(lvlSeg);
      }
      for (int ref = 0; ref < 4; ref++) {
        for (int m = 0; m < 4; m++) {
          int lvl = lvlSeg;
          if (deltas) {
            lvl += adjustments.refFrameDelta(ref);
            if (ref == ReferenceFrame.INTRA_FRAME) {
              if (m == 0) {
                lvl += adjustments.modeDelta(0);
              }
            } else {
              lvl += adjustments.modeDelta(m);
            }
            lvl = clamp63(lvl);
          }
          levels[s][ref][m] = lvl;
        }
      }
    }
  }

  /** Limits of a frame with this sharpness and type; its levels are all 0 (for tests). */
  FilterLevels(int sharpness, boolean keyFrame) {
    this.sharpness = sharpness;
    this.keyFrame = keyFrame;
  }

  private static int clamp63(int v) {
    return v < 0 ? 0 : (v > 63 ? 63 : v);
  }

  /** Mode class of a luma mode: 0 B_PRED, 1 other intra and ZEROMV, 2 NEAREST/NEAR/NEW, 3 SPLIT. */
  static int modeClass(int yMode) {
    return switch (yMode) {
      case PredictionMode.B_PRED -> 0;
      case PredictionMode.ZEROMV -> 1;
      case PredictionMode.SPLITMV -> 3;
      case PredictionMode.NEARESTMV, PredictionMode.NEARMV, PredictionMode.NEWMV -> 2;
      default -> 1;
    };
  }

  /** Level of a macroblock. */
  public int level(int segment, int ref, int yMode) {
    return levels[segment][ref][modeClass(yMode)];
  }

  /** Interior limit for a level. */
  public int interiorLimit(int level) {
    int limit = level >> (sharpness > 0 ? 1 : 0);
    limit >>= sharpness > 4 ? 1 : 0;
    if (sharpness > 0 && limit > 9 - sharpness) {
      limit = 9 - sharpness;
    }
    return Math.max(limit, 1);
  }

  /** Edge limit of subblock edges. */
  public int subblockEdgeLimit(int level) {
    return 2 * level + interiorLimit(level);
  }

  /** Edge limit of macroblock edges. */
  public int macroblockEdgeLimit(int level) {
    return 2 * (level + 2) + interiorLimit(level);
  }

  /** High edge variance threshold. */
  public int hevThreshold(int level) {
    if (level >= 40) {
      return keyFrame ? 2 : 3;
    }
    if (level >= 20) {
      return keyFrame ? 1 : 2;
    }
    if (level >= 15) {
      return 1;
    }
    return 0;
  }
}
