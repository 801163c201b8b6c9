package org.excamera.codec.encode;

import org.excamera.codec.recon.SixTapFilter;
import org.excamera.codec.tables.FilterTaps;

/**
 * Squared errors of one block's sub-sample predictions around a whole-sample centre, for the
 * refinement of {@link MotionSearch}: the same values as predicting each candidate with the six-tap
 * filter ({@link MotionSearch#predict}) and summing, computed with less filtering. The candidates
 * within three quarter samples of the centre use only the whole-sample columns {@code x0 − 1} and
 * {@code x0} and rows {@code y0 − 1} and {@code y0}, so for each horizontal fraction the horizontal
 * pass over that area is done once ({@code (w + 1) × (h + 6)} samples) and each candidate needs at
 * most its vertical pass; vertical-only candidates share one pass per fraction over {@code w × (h +
 * 1)} samples. The filter's passes round to bytes between them, so a pass over a larger area gives
 * the samples of the smaller one exactly. Other candidates are predicted directly. A scratch object
 * for blocks up to 16×16: single-threaded, allocates nothing per block.
 */
final class SubPelErrors {
  private static final int MAX = 16;
  private static final int[] TAPS = FilterTaps.sixtapFilters();

  // Horizontal passes for fractions 2, 4, 6 (eighths) over (w + 1) × (h + 6), from (x0 − 1, y0 −
  // 3).
  private final byte[][] horizontal = new byte[3][(MAX + 1) * (MAX + 6)];
  // Vertical passes (no horizontal fraction) for fractions 2, 4, 6 over w × (h + 1), from (x0, y0 −
  // 1).
  private final byte[][] vertical = new byte[3][MAX * (MAX + 1)];
  private final boolean[] haveHorizontal = new boolean[3];
  private final boolean[] haveVertical = new boolean[3];
  private final byte[] pred = new byte[MAX * MAX];
  private final byte[] scratch = new byte[MAX * (MAX + 5)];

  private final SearchPlane ref;
  private byte[] src = new byte[0];
  private int srcOff;
  private int srcStride;
  private int w;
  private int h;
  private int blockX;
  private int blockY;
  private int x0;
  private int y0;

  /** Errors of predictions from {@code ref}. */
  SubPelErrors(SearchPlane ref) {
    this.ref = ref;
  }

  /** The reference this scratch predicts from. */
  SearchPlane reference() {
    return ref;
  }

  /**
   * Starts a block: the {@code w × h} source block at {@code src[srcOff]}, whose position in the
   * frame is ({@code blockX}, {@code blockY}), searched around the whole-sample displacement
   * ({@code x0}, {@code y0}).
   */
  void begin(
      byte[] src, int srcOff, int srcStride, int w, int h, int blockX, int blockY, int x0, int y0) {
    if (w > MAX || h > MAX) {
      throw new IllegalArgumentException("blocks up to %d×%d: %d×%d".formatted(MAX, MAX, w, h));
    }
    this.src = src;
    this.srcOff = srcOff;
    this.srcStride = srcStride;
    this.w = w;
    this.h = h;
    this.blockX = blockX;
    this.blockY = blockY;
    this.x0 = x0;
    this.y0 = y0;
    java.util.Arrays.fill(haveHorizontal, false);
    java.util.Arrays.fill(haveVertical, false);
  }

  /** SSE of the prediction displaced by quarter-sample vector ({@code row}, {@code col}). */
  int sse(int row, int col) {
    int ix = col >> 2;
    int iy = row >> 2;
    int fx = (col & 3) * 2;
    int fy = (row & 3) * 2;
    byte[] samples = ref.samples();
    int stride = ref.stride();
    if (fx == 0 && fy == 0) {
      return BlockError.sse(
          src, srcOff, srcStride, samples, ref.offset(blockX + ix, blockY + iy), stride, w, h);
    }
    int dx = ix - x0 + 1;
    int dy = iy - y0 + 1;
    if (fx == 0) {
      if (ix != x0 || dy < 0 || dy > 1) {
        return direct(row, col);
      }
      byte[] v = verticalPass(fy);
      return BlockError.sse(src, srcOff, srcStride, v, dy * w, w, w, h);
    }
    if (dx < 0 || dx > 1 || dy < 0 || dy > 1) {
      return direct(row, col);
    }
    byte[] hp = horizontalPass(fx);
    int hs = w + 1;
    // Row iy is row dy + 2 of the pass; the vertical taps reach two rows above it.
    if (fy == 0) {
      return BlockError.sse(src, srcOff, srcStride, hp, (dy + 2) * hs + dx, hs, w, h);
    }
    return verticalSse(hp, (dy + 2) * hs + dx, hs, fy);
  }

  /**
   * SSE of the source against the vertical six-tap pass (even fraction {@code fy}) over {@code
   * in[off]}: {@link SixTapFilter}'s arithmetic (taps, +64, >> 7, clamp), each sample compared as
   * it is made instead of stored and read back.
   */
  private int verticalSse(byte[] in, int off, int stride, int fy) {
    int k = fy * 6;
    int t0 = TAPS[k];
    int t1 = TAPS[k + 1];
    int t2 = TAPS[k + 2];
    int t3 = TAPS[k + 3];
    int t4 = TAPS[k + 4];
    int t5 = TAPS[k + 5];
    int sse = 0;
    for (int c = 0; c < w; c++) {
      int s = off + c;
      int a0 = in[s - 2 * stride] & 0xFF;
      int a1 = in[s - stride] & 0xFF;
      int a2 = in[s] & 0xFF;
      int a3 = in[s + stride] & 0xFF;
      int a4 = in[s + 2 * stride] & 0xFF;
      s += 3 * stride;
      int o = srcOff + c;
      for (int r = 0; r < h; r++, s += stride, o += srcStride) {
        int a5 = in[s] & 0xFF;
        int v = (t0 * a0 + t1 * a1 + t2 * a2 + t3 * a3 + t4 * a4 + t5 * a5 + 64) >> 7;
        int d = (src[o] & 0xFF) - Math.max(0, Math.min(255, v));
        sse += d * d;
        a0 = a1;
        a1 = a2;
        a2 = a3;
        a3 = a4;
        a4 = a5;
      }
    }
    return sse;
  }

  private byte[] horizontalPass(int fx) {
    int k = fx / 2 - 1;
    byte[] out = horizontal[k];
    if (!haveHorizontal[k]) {
      int hs = w + 1;
      SixTapFilter.predict(
          ref.samples(),
          ref.offset(blockX + x0 - 1, blockY + y0 - 3),
          ref.stride(),
          fx,
          0,
          hs,
          h + 6,
          scratch,
          out,
          0,
          hs);
      haveHorizontal[k] = true;
    }
    return out;
  }

  private byte[] verticalPass(int fy) {
    int k = fy / 2 - 1;
    byte[] out = vertical[k];
    if (!haveVertical[k]) {
      SixTapFilter.predict(
          ref.samples(),
          ref.offset(blockX + x0, blockY + y0 - 1),
          ref.stride(),
          0,
          fy,
          w,
          h + 1,
          scratch,
          out,
          0,
          w);
      haveVertical[k] = true;
    }
    return out;
  }

  private int direct(int row, int col) {
    MotionSearch.predict(ref, blockX, blockY, row, col, w, h, scratch, pred);
    return BlockError.sse(src, srcOff, srcStride, pred, 0, w, w, h);
  }
}
