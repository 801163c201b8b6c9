package org.excamera.codec.loopfilter;

/**
 * The loop filter of one macroblock (RFC 6386 §15.2–15.3), in libvpx's edge order: left macroblock
 * edge, interior vertical edges, top macroblock edge, interior horizontal edges, each for luma and
 * then, with the normal filter, both chroma planes. An implementation is made for one frame (its
 * {@link FilterLevels} and filter type) and gives bit-identical results to every other.
 */
interface MacroblockFilter {
  /**
   * Filters the macroblock whose top-left pixels are {@code y[yo]}, {@code u[uvo]} and {@code
   * v[uvo]}.
   *
   * @param level the macroblock's filter level, 1..63
   * @param left whether to filter its left edge (it is not on the frame's left border)
   * @param top whether to filter its top edge
   * @param interior whether to filter its interior edges
   */
  void filter(
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
      boolean interior);
}
