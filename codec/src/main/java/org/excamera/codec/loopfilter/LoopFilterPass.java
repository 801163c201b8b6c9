package org.excamera.codec.loopfilter;

import static org.excamera.codec.loopfilter.PackedEdgeFilters.MACROBLOCK;
import static org.excamera.codec.loopfilter.PackedEdgeFilters.SIMPLE;
import static org.excamera.codec.loopfilter.PackedEdgeFilters.SUBBLOCK;

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
  private final boolean simple;
  private final MacroblockModes modes;
  private final Residuals residuals;
  private final PictureBuilder canvas;
  // Per level 0..63, the lane biases of PackedEdgeFilters: [4 * level] macroblock edge limit,
  // [+1] subblock edge limit, [+2] interior limit, [+3] high edge variance threshold.
  private final long[] biases = new long[4 * 64];
  private final long[] g = new long[PackedEdgeFilters.SCRATCH];

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
    this.simple = h.loopFilter().simple();
    this.modes = frame.modes();
    this.residuals = frame.residuals();
    this.canvas = canvas;
    for (int level = 1; level < 64; level++) {
      biases[4 * level] = PackedEdgeFilters.edgeBias(levels.macroblockEdgeLimit(level));
      biases[4 * level + 1] = PackedEdgeFilters.edgeBias(levels.subblockEdgeLimit(level));
      biases[4 * level + 2] = PackedEdgeFilters.bias(levels.interiorLimit(level));
      biases[4 * level + 3] = PackedEdgeFilters.bias(levels.hevThreshold(level));
    }
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
      int b = 4 * level;
      long mbEdge = biases[b];
      long subEdge = biases[b + 1];
      long il = biases[b + 2];
      long hev = biases[b + 3];
      int mbFilter = simple ? SIMPLE : MACROBLOCK;
      int subFilter = simple ? SIMPLE : SUBBLOCK;
      if (interior) {
        PackedEdgeFilters.verticalLuma(
            y, yo, ys, col > 0, mbFilter, mbEdge, subFilter, subEdge, il, hev, g);
      } else if (col > 0) {
        PackedEdgeFilters.vertical(y, yo, ys, 16, mbFilter, mbEdge, il, hev, g);
      }
      if (col > 0 && !simple) {
        PackedEdgeFilters.vertical(u, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
        PackedEdgeFilters.vertical(v, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
      }
      if (interior && !simple) {
        PackedEdgeFilters.vertical(u, uvo + 4, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
        PackedEdgeFilters.vertical(v, uvo + 4, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
      }
      if (row > 0) {
        PackedEdgeFilters.horizontal(y, yo, ys, 16, mbFilter, mbEdge, il, hev, g);
        if (!simple) {
          PackedEdgeFilters.horizontal(u, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
          PackedEdgeFilters.horizontal(v, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
        }
      }
      if (interior) {
        for (int r = 4; r < 16; r += 4) {
          PackedEdgeFilters.horizontal(y, yo + r * ys, ys, 16, subFilter, subEdge, il, hev, g);
        }
        if (!simple) {
          int o = uvo + 4 * uvs;
          PackedEdgeFilters.horizontal(u, o, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
          PackedEdgeFilters.horizontal(v, o, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
        }
      }
    }
  }
}
