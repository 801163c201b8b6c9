package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SubPelErrors} gives exactly the squared error of predicting each candidate with {@link
 * MotionSearch#predict}: near the centre (shared passes) and beyond it (direct prediction), at the
 * plane's edges and inside.
 */
class SubPelErrorsTest {
  private static final long SEED = 0x5EED_0011L;
  private static final int W = 64;
  private static final int H = 48;

  @Test
  void sharedPassesGiveTheDirectPredictionsErrors() {
    Random random = new Random(SEED);
    byte[] plane = new byte[W * H];
    random.nextBytes(plane);
    SearchPlane ref = SearchPlane.of(plane, 0, W, W, H);
    byte[] src = new byte[16 * 16];
    byte[] tmp = new byte[16 * 21];
    byte[] pred = new byte[16 * 16];
    SubPelErrors errors = new SubPelErrors(ref);
    int[][] blocks = {{0, 0, 16, 16}, {48, 32, 16, 16}, {20, 12, 16, 16}, {8, 8, 8, 8}};
    for (int[] b : blocks) {
      random.nextBytes(src);
      int bx = b[0];
      int by = b[1];
      int w = b[2];
      int h = b[3];
      for (int trial = 0; trial < 6; trial++) {
        int x0 = random.nextInt(21) - 10;
        int y0 = random.nextInt(21) - 10;
        errors.begin(src, 0, w, w, h, bx, by, x0, y0);
        // Twice over, so that passes computed for earlier candidates are reused.
        for (int pass = 0; pass < 2; pass++) {
          for (int dr = -5; dr <= 5; dr++) {
            for (int dc = -5; dc <= 5; dc++) {
              int row = 4 * y0 + dr;
              int col = 4 * x0 + dc;
              MotionSearch.predict(ref, bx, by, row, col, w, h, tmp, pred);
              int expected = BlockError.sse(src, 0, w, pred, 0, w, w, h);
              String where =
                  "seed %d block (%d, %d) centre (%d, %d) vector (%d, %d)"
                      .formatted(SEED, bx, by, x0, y0, row, col);
              assertEquals(expected, errors.sse(row, col), where);
            }
          }
        }
      }
    }
  }
}
