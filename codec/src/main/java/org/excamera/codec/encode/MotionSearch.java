package org.excamera.codec.encode;

import org.excamera.codec.recon.SixTapFilter;

/**
 * Motion search for one block against a {@link SearchPlane}: a whole-sample hexagon search (six
 * points at distance 2, re-centred until the centre wins, then the eight neighbours until none
 * wins, as libvpx's {@code vp8_hex_search}) scored by SAD, and a half- then quarter-sample
 * refinement (the eight neighbours at each step, as libvpx's {@code vp8_find_best_sub_pixel_step})
 * scored by the sum of squared errors of the six-tap prediction. Each score adds the caller's
 * motion-vector cost, so rate can steer the search.
 *
 * <p>Motion vectors are in quarter samples (RFC 6386 §5), row then column. The block's top-left may
 * move at most {@link #OVERHANG} samples outside the plane on each side (libvpx's {@code
 * mv_row_min}… limits) and each component stays within ±{@link #MAX_COMPONENT}. Ties keep the
 * earlier candidate, so results are deterministic. Not bit-exact with libvpx's search (whose
 * candidate order, step schedule and costs depend on speed settings); only the pattern is the same.
 */
public final class MotionSearch {
  private MotionSearch() {}

  /** How far (in samples) a block may reach outside the plane, as libvpx allows. */
  public static final int OVERHANG = 16;

  /** Largest motion vector component in quarter samples that VP8 can code. */
  public static final int MAX_COMPONENT = 1023;

  private static final int[][] HEXAGON = {{-2, -1}, {-2, 1}, {0, 2}, {2, 1}, {2, -1}, {0, -2}};
  private static final int[][] NEIGHBOURS = {
    {-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}
  };

  /** The best motion vector found (quarter samples) and its score (error + vector cost). */
  public record Result(int row, int col, int cost) {}

  /** The rate term of a candidate, in the same unit as the error it is added to. */
  @FunctionalInterface
  public interface MvCost {
    /** A cost that needs no rate term. */
    MvCost NONE = (row, col) -> 0;

    /** Cost of motion vector ({@code row}, {@code col}) in quarter samples. */
    int cost(int row, int col);
  }

  /**
   * Whole-sample search for the {@code w × h} source block at {@code src[srcOff]} whose position in
   * the frame is ({@code blockX}, {@code blockY}), starting from ({@code startRow}, {@code
   * startCol}) (quarter samples, rounded to the nearest whole sample and moved into the window) and
   * staying within {@code range} whole samples of it. The score is SAD + {@code mvCost}; the result
   * is a multiple of 4.
   */
  public static Result fullPel(
      byte[] src,
      int srcOff,
      int srcStride,
      int w,
      int h,
      SearchPlane ref,
      int blockX,
      int blockY,
      int startRow,
      int startCol,
      int range,
      MvCost mvCost) {
    Window win = Window.of(ref, blockX, blockY, w, h);
    // Like libvpx's vp8_clamp_mv2: a start outside the window is first moved onto its edge.
    int sy = Math.max(win.minY, Math.min(win.maxY, Math.floorDiv(startRow + 2, 4)));
    int sx = Math.max(win.minX, Math.min(win.maxX, Math.floorDiv(startCol + 2, 4)));
    int minY = Math.max(win.minY, sy - range);
    int maxY = Math.min(win.maxY, sy + range);
    int minX = Math.max(win.minX, sx - range);
    int maxX = Math.min(win.maxX, sx + range);
    int by = sy;
    int bx = sx;
    int best =
        fullPelCost(
            src, srcOff, srcStride, w, h, ref, blockX, blockY, by, bx, Integer.MAX_VALUE, mvCost);
    for (int p = 0; p < 2; p++) {
      int[][] pattern = p == 0 ? HEXAGON : NEIGHBOURS;
      for (int iteration = 0; iteration <= 2 * range + 1; iteration++) {
        int nextY = by;
        int nextX = bx;
        for (int[] step : pattern) {
          int y = by + step[0];
          int x = bx + step[1];
          if (y < minY || y > maxY || x < minX || x > maxX) {
            continue;
          }
          int c =
              fullPelCost(src, srcOff, srcStride, w, h, ref, blockX, blockY, y, x, best, mvCost);
          if (c < best) {
            best = c;
            nextY = y;
            nextX = x;
          }
        }
        if (nextY == by && nextX == bx) {
          break;
        }
        by = nextY;
        bx = nextX;
      }
    }
    return new Result(4 * by, 4 * bx, best);
  }

  private static int fullPelCost(
      byte[] src,
      int srcOff,
      int srcStride,
      int w,
      int h,
      SearchPlane ref,
      int blockX,
      int blockY,
      int dy,
      int dx,
      int limit,
      MvCost mvCost) {
    int rate = mvCost.cost(4 * dy, 4 * dx);
    int sad =
        BlockError.sad(
            src,
            srcOff,
            srcStride,
            ref.samples(),
            ref.offset(blockX + dx, blockY + dy),
            ref.stride(),
            w,
            h,
            limit == Integer.MAX_VALUE ? limit : limit - rate);
    return sad + rate;
  }

  /**
   * Refines {@code start} (any quarter-sample vector inside the window, usually a {@link #fullPel}
   * result) to half and then quarter samples: at each step the eight neighbours at that distance
   * are predicted with the six-tap filter and scored by SSE + {@code mvCost}. The result's cost is
   * on that scale (also when {@code start} wins).
   */
  public static Result subPel(
      byte[] src,
      int srcOff,
      int srcStride,
      int w,
      int h,
      SearchPlane ref,
      int blockX,
      int blockY,
      Result start,
      MvCost mvCost) {
    Window win = Window.of(ref, blockX, blockY, w, h);
    int row = start.row();
    int col = start.col();
    if (!win.containsQuarter(row, col)) {
      throw new IllegalArgumentException(
          "start vector (%d, %d) lies outside the searchable window".formatted(row, col));
    }
    SubPelErrors errors = new SubPelErrors(ref);
    errors.begin(src, srcOff, srcStride, w, h, blockX, blockY, col >> 2, row >> 2);
    int best = errors.sse(row, col) + mvCost.cost(row, col);
    for (int step = 2; step >= 1; step--) {
      int centreRow = row;
      int centreCol = col;
      for (int[] n : NEIGHBOURS) {
        int r = centreRow + step * n[0];
        int c = centreCol + step * n[1];
        if (!win.containsQuarter(r, c)) {
          continue;
        }
        int cost = errors.sse(r, c) + mvCost.cost(r, c);
        if (cost < best) {
          best = cost;
          row = r;
          col = c;
        }
      }
    }
    return new Result(row, col, best);
  }

  /**
   * Like {@link #subPel} with fewer candidates, as libvpx's {@code vp8_find_best_sub_pixel_step}:
   * at each step (half, then quarter samples) the four axis neighbours, then the one diagonal
   * between the better horizontal and the better vertical neighbour; five predictions per step
   * instead of eight.
   */
  public static Result subPelCross(
      byte[] src,
      int srcOff,
      int srcStride,
      int w,
      int h,
      SearchPlane ref,
      int blockX,
      int blockY,
      Result start,
      MvCost mvCost) {
    return subPelCross(
        src, srcOff, srcStride, w, h, blockX, blockY, start, mvCost, new SubPelErrors(ref));
  }

  /** {@link #subPelCross} in {@code errors.reference()}, with {@code errors} as scratch. */
  static Result subPelCross(
      byte[] src,
      int srcOff,
      int srcStride,
      int w,
      int h,
      int blockX,
      int blockY,
      Result start,
      MvCost mvCost,
      SubPelErrors errors) {
    Window win = Window.of(errors.reference(), blockX, blockY, w, h);
    int row = start.row();
    int col = start.col();
    if (!win.containsQuarter(row, col)) {
      throw new IllegalArgumentException(
          "start vector (%d, %d) lies outside the searchable window".formatted(row, col));
    }
    errors.begin(src, srcOff, srcStride, w, h, blockX, blockY, col >> 2, row >> 2);
    int best = errors.sse(row, col) + mvCost.cost(row, col);
    for (int step = 2; step >= 1; step--) {
      int r0 = row;
      int c0 = col;
      int left = Integer.MAX_VALUE;
      int right = Integer.MAX_VALUE;
      int up = Integer.MAX_VALUE;
      int down = Integer.MAX_VALUE;
      // The four axis neighbours: left, right, up, down.
      for (int k = 0; k < 4; k++) {
        int r = r0 + (k == 2 ? -step : k == 3 ? step : 0);
        int c = c0 + (k == 0 ? -step : k == 1 ? step : 0);
        if (!win.containsQuarter(r, c)) {
          continue;
        }
        int cost = errors.sse(r, c) + mvCost.cost(r, c);
        switch (k) {
          case 0 -> left = cost;
          case 1 -> right = cost;
          case 2 -> up = cost;
          default -> down = cost;
        }
        if (cost < best) {
          best = cost;
          row = r;
          col = c;
        }
      }
      int dr = up <= down ? -step : step;
      int dc = left <= right ? -step : step;
      int r = r0 + dr;
      int c = c0 + dc;
      if (win.containsQuarter(r, c)) {
        int cost = errors.sse(r, c) + mvCost.cost(r, c);
        if (cost < best) {
          best = cost;
          row = r;
          col = c;
        }
      }
    }
    return new Result(row, col, best);
  }

  /**
   * The {@code w × h} prediction of the block at ({@code blockX}, {@code blockY}) displaced by
   * quarter-sample vector ({@code row}, {@code col}), into {@code pred} (stride {@code w}); {@code
   * tmp} holds at least {@code w·(h+5)} bytes.
   */
  static void predict(
      SearchPlane ref,
      int blockX,
      int blockY,
      int row,
      int col,
      int w,
      int h,
      byte[] tmp,
      byte[] pred) {
    int off = ref.offset(blockX + (col >> 2), blockY + (row >> 2));
    int fracX = (col & 3) * 2;
    int fracY = (row & 3) * 2;
    SixTapFilter.predict(ref.samples(), off, ref.stride(), fracX, fracY, w, h, tmp, pred, 0, w);
  }

  /** Whole-sample displacements the block may take, and the quarter-sample test. */
  private record Window(int minY, int maxY, int minX, int maxX) {
    static Window of(SearchPlane ref, int blockX, int blockY, int w, int h) {
      int fullMax = MAX_COMPONENT / 4;
      return new Window(
          Math.max(-fullMax, -OVERHANG - blockY),
          Math.min(fullMax, ref.height() + OVERHANG - h - blockY),
          Math.max(-fullMax, -OVERHANG - blockX),
          Math.min(fullMax, ref.width() + OVERHANG - w - blockX));
    }

    boolean containsQuarter(int row, int col) {
      return row >= 4 * minY
          && row <= 4 * maxY
          && col >= 4 * minX
          && col <= 4 * maxX
          && Math.abs(row) <= MAX_COMPONENT
          && Math.abs(col) <= MAX_COMPONENT;
    }
  }
}
