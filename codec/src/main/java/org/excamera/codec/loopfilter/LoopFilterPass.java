package org.excamera.codec.loopfilter;

import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.Residuals;

/**
 * Runs the loop filter over a reconstructed frame (RFC 6386 §15.1), macroblock by macroblock in
 * raster order and in libvpx's edge order: left macroblock edge, interior vertical edges, top
 * macroblock edge, interior horizontal edges. Frame level 0 disables the filter entirely (even if
 * segment or delta adjustments would raise it). Edges on the frame border are not filtered, nor the
 * interior edges of a macroblock without coefficients unless it is B_PRED or SPLITMV. The normal
 * filter works on all three planes, the simple filter on luma only.
 */
public final class LoopFilterPass {
  private final FilterLevels levels;
  private final boolean enabled;
  private final MacroblockModes modes;
  private final Residuals residuals;
  private final PictureBuilder canvas;
  private final MacroblockFilter filter;

  /**
   * A loop filter pass over {@code canvas}; {@link #row} must then be called for every macroblock
   * row in order, each after the next row has been reconstructed.
   *
   * @param segments segmentation values after this frame's header update
   * @param adjustments loop filter deltas after this frame's header update
   */
  public LoopFilterPass(
      ParsedFrame frame,
      Segmentation segments,
      FilterAdjustments adjustments,
      PictureBuilder canvas) {
    FrameHeader h = frame.header();
    this.enabled = h.loopFilter().loopFilterLevel() != 0;
    this.levels = new FilterLevels(h, segments, adjustments);
    this.modes = frame.modes();
    this.residuals = frame.residuals();
    this.canvas = canvas;
    this.filter = MacroblockFilters.forFrame(levels, h.loopFilter().simple());
  }

  /** Filters the whole reconstructed canvas in place. */
  public static void run(
      ParsedFrame frame,
      Segmentation segments,
      FilterAdjustments adjustments,
      PictureBuilder canvas) {
    LoopFilterPass pass = new LoopFilterPass(frame, segments, adjustments, canvas);
    for (int row = 0; row < frame.modes().mbRows(); row++) {
      pass.row(row);
    }
  }

  /** Filters the edges of macroblock row {@code row}. */
  public void row(int row) {
    if (!enabled) {
      return;
    }
    byte[] y = canvas.data(0);
    byte[] u = canvas.data(1);
    byte[] v = canvas.data(2);
    int ys = canvas.stride(0);
    int uvs = canvas.stride(1);
    int mb = row * modes.mbCols();
    for (int col = 0; col < modes.mbCols(); col++, mb++) {
      int yMode = modes.yMode(mb);
      int level = levels.level(modes.segmentId(mb), modes.refFrame(mb), yMode);
      if (level == 0) {
        continue;
      }
      boolean interior =
          yMode == PredictionMode.B_PRED
              || yMode == PredictionMode.SPLITMV
              || residuals.hasTokens(mb);
      int yo = canvas.origin(0) + row * 16 * ys + col * 16;
      int uvo = canvas.origin(1) + row * 8 * uvs + col * 8;
      filter.filter(y, u, v, yo, uvo, ys, uvs, level, col > 0, row > 0, interior);
    }
  }
}
