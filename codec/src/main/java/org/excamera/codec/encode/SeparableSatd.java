package org.excamera.codec.encode;

/**
 * {@link Satd} of a 4×4 source block against predictions of the form {@code pred[r][c] = u[r] +
 * v[c]}, from the source's transform alone: DC, vertical and horizontal intra prediction have this
 * form, and TrueMotion too when none of its values is clamped. The Walsh–Hadamard transform is
 * linear, so the transform of the residual is the source's transform minus the prediction's, and
 * the prediction's is zero outside its first row and first column: row 0 holds 4·T(v), column 0
 * 4·T(u), where T is the 1-D transform of {@link Satd}. The sums are of the same integers as {@link
 * Satd#satd4x4}'s, so the result is equal, not approximate.
 *
 * <p>Holds the transforms of up to 16 source blocks ({@link #load}), so that several predictions of
 * one macroblock can be scored. A scratch object: single-threaded, allocates nothing per call.
 */
final class SeparableSatd {
  // Per block: the 16 transform values, row-major (index 4·i + j: i over rows, j over columns).
  private final int[] s = new int[16 * 16];
  // Per block: the sum of |s| outside row 0 and column 0.
  private final int[] rest = new int[16];

  /** Transforms the source block at {@code src[off]} into slot {@code block} (0..15). */
  void load(int block, byte[] src, int off, int stride) {
    int[] t = s;
    int o = block * 16;
    for (int r = 0; r < 4; r++) {
      int i = off + r * stride;
      int d0 = src[i] & 0xFF;
      int d1 = src[i + 1] & 0xFF;
      int d2 = src[i + 2] & 0xFF;
      int d3 = src[i + 3] & 0xFF;
      t[o + r * 4] = d0 + d1 + d2 + d3;
      t[o + r * 4 + 1] = d0 - d1 + d2 - d3;
      t[o + r * 4 + 2] = d0 + d1 - d2 - d3;
      t[o + r * 4 + 3] = d0 - d1 - d2 + d3;
    }
    int sum = 0;
    for (int j = 0; j < 4; j++) {
      int a = t[o + j];
      int b = t[o + 4 + j];
      int c = t[o + 8 + j];
      int d = t[o + 12 + j];
      int s01 = a + b;
      int m01 = a - b;
      int s23 = c + d;
      int m23 = c - d;
      t[o + j] = s01 + s23;
      t[o + 4 + j] = m01 + m23;
      t[o + 8 + j] = s01 - s23;
      t[o + 12 + j] = m01 - m23;
      if (j > 0) {
        sum += Math.abs(m01 + m23) + Math.abs(s01 - s23) + Math.abs(m01 - m23);
      }
    }
    rest[block] = sum;
  }

  /**
   * Loads the {@code n × n} block at {@code src[off]} (n = 8 or 16) into slots from {@code
   * firstSlot}, raster order.
   */
  void loadBlock(byte[] src, int off, int stride, int n, int firstSlot) {
    int per = n >> 2;
    for (int by = 0; by < per; by++) {
      for (int bx = 0; bx < per; bx++) {
        load(firstSlot + by * per + bx, src, off + by * 4 * stride + bx * 4, stride);
      }
    }
  }

  /**
   * SATD of slot {@code block} against {@code pred[r][c] = u_r + v_c}. Exact for any integers whose
   * sums are the prediction's samples.
   */
  int score(int block, int u0, int u1, int u2, int u3, int v0, int v1, int v2, int v3) {
    int[] t = s;
    int o = block * 16;
    // 4·T(u) down column 0, 4·T(v) along row 0; both meet at (0, 0).
    int tu0 = 4 * (u0 + u1 + u2 + u3);
    int tu1 = 4 * (u0 - u1 + u2 - u3);
    int tu2 = 4 * (u0 + u1 - u2 - u3);
    int tu3 = 4 * (u0 - u1 - u2 + u3);
    int tv0 = 4 * (v0 + v1 + v2 + v3);
    int tv1 = 4 * (v0 - v1 + v2 - v3);
    int tv2 = 4 * (v0 + v1 - v2 - v3);
    int tv3 = 4 * (v0 - v1 - v2 + v3);
    return rest[block]
        + Math.abs(t[o] - tu0 - tv0)
        + Math.abs(t[o + 1] - tv1)
        + Math.abs(t[o + 2] - tv2)
        + Math.abs(t[o + 3] - tv3)
        + Math.abs(t[o + 4] - tu1)
        + Math.abs(t[o + 8] - tu2)
        + Math.abs(t[o + 12] - tu3);
  }

  /**
   * SATD of slot {@code block} against the separable 4×4 prediction at {@code pred[off]}: one where
   * {@code pred[r][c] = pred[r][0] + pred[0][c] − pred[0][0]} everywhere, as DC, V and H
   * predictions are, and TM ones that do not clamp ({@link #tmUnclamped}). Reads only the first row
   * and column.
   */
  int separable(int block, byte[] pred, int off, int stride) {
    int corner = pred[off] & 0xFF;
    return score(
        block,
        0,
        (pred[off + stride] & 0xFF) - corner,
        (pred[off + 2 * stride] & 0xFF) - corner,
        (pred[off + 3 * stride] & 0xFF) - corner,
        corner,
        pred[off + 1] & 0xFF,
        pred[off + 2] & 0xFF,
        pred[off + 3] & 0xFF);
  }

  /**
   * {@link #separable} summed over the {@code n × n} prediction at {@code pred[off]} (n = 8 or 16),
   * whose 4×4 blocks were loaded in raster order from slot {@code firstSlot} on.
   */
  int separableBlock(int firstSlot, byte[] pred, int off, int stride, int n) {
    int per = n >> 2;
    int sum = 0;
    for (int by = 0; by < per; by++) {
      for (int bx = 0; bx < per; bx++) {
        sum += separable(firstSlot + by * per + bx, pred, off + by * 4 * stride + bx * 4, stride);
      }
    }
    return sum;
  }

  /**
   * Whether the n×n TrueMotion prediction at {@code off} in {@code canvas} (n = 8 or 16) clamps
   * nowhere: {@code left + above − corner} stays within 0..255 for every pair, read from the edges
   * around the block as the predictor reads them.
   */
  static boolean tmUnclamped(byte[] canvas, int off, int stride, int n) {
    int above = off - stride;
    int corner = canvas[above - 1] & 0xFF;
    int minA = 255;
    int maxA = 0;
    int minL = 255;
    int maxL = 0;
    for (int i = 0; i < n; i++) {
      int a = canvas[above + i] & 0xFF;
      int l = canvas[off + i * stride - 1] & 0xFF;
      minA = Math.min(minA, a);
      maxA = Math.max(maxA, a);
      minL = Math.min(minL, l);
      maxL = Math.max(maxL, l);
    }
    return minA + minL - corner >= 0 && maxA + maxL - corner <= 255;
  }

  /**
   * Whether the subblock TrueMotion prediction from edge array {@code e} ({@link
   * org.excamera.codec.recon.IntraPredictor#predictSubblock} layout: left column e[0..3], corner
   * e[4], above e[5..8]) clamps nowhere.
   */
  static boolean tmUnclamped(int[] e) {
    int minL = Math.min(Math.min(e[0], e[1]), Math.min(e[2], e[3]));
    int maxL = Math.max(Math.max(e[0], e[1]), Math.max(e[2], e[3]));
    int minA = Math.min(Math.min(e[5], e[6]), Math.min(e[7], e[8]));
    int maxA = Math.max(Math.max(e[5], e[6]), Math.max(e[7], e[8]));
    return minA + minL - e[4] >= 0 && maxA + maxL - e[4] <= 255;
  }
}
