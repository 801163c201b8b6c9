package org.excamera.codec.loopfilter;

import static org.excamera.codec.loopfilter.PackedEdgeFilters.MACROBLOCK;
import static org.excamera.codec.loopfilter.PackedEdgeFilters.SIMPLE;
import static org.excamera.codec.loopfilter.PackedEdgeFilters.SUBBLOCK;

/**
 * The loop filter of one macroblock with the {@link PackedEdgeFilters} (eight positions per call,
 * JDK only): the path taken where the Vector API is not available.
 */
final class PackedMacroblockFilter implements MacroblockFilter {
  private final boolean simple;
  // Per level 0..63, the lane biases of PackedEdgeFilters: [4 * level] macroblock edge limit,
  // [+1] subblock edge limit, [+2] interior limit, [+3] high edge variance threshold.
  private final long[] biases = new long[4 * 64];
  private final long[] g = new long[PackedEdgeFilters.SCRATCH];

  PackedMacroblockFilter(FilterLevels levels, boolean simple) {
    this.simple = simple;
    for (int level = 1; level < 64; level++) {
      biases[4 * level] = PackedEdgeFilters.edgeBias(levels.macroblockEdgeLimit(level));
      biases[4 * level + 1] = PackedEdgeFilters.edgeBias(levels.subblockEdgeLimit(level));
      biases[4 * level + 2] = PackedEdgeFilters.bias(levels.interiorLimit(level));
      biases[4 * level + 3] = PackedEdgeFilters.bias(levels.hevThreshold(level));
    }
  }

  @Override
  public void filter(
      byte[] y,
      byte[] u,
      byte[] v,
      int yo,
      int uvo,
      int ys,
      int uvs,
      int level,
      boolean left,
      boolean top,
      boolean interior) {
    int b = 4 * level;
    long mbEdge = biases[b];
    long subEdge = biases[b + 1];
    long il = biases[b + 2];
    long hev = biases[b + 3];
    int mbFilter = simple ? SIMPLE : MACROBLOCK;
    int subFilter = simple ? SIMPLE : SUBBLOCK;
    if (interior) {
      PackedEdgeFilters.verticalLuma(
          y, yo, ys, left, mbFilter, mbEdge, subFilter, subEdge, il, hev, g);
    } else if (left) {
      PackedEdgeFilters.vertical(y, yo, ys, 16, mbFilter, mbEdge, il, hev, g);
    }
    if (left && !simple) {
      PackedEdgeFilters.vertical(u, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
      PackedEdgeFilters.vertical(v, uvo, uvs, 8, MACROBLOCK, mbEdge, il, hev, g);
    }
    if (interior && !simple) {
      PackedEdgeFilters.vertical(u, uvo + 4, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
      PackedEdgeFilters.vertical(v, uvo + 4, uvs, 8, SUBBLOCK, subEdge, il, hev, g);
    }
    if (top) {
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
