package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.syntax.MotionVector;
import org.junit.jupiter.api.Test;

class MotionEstimatorTest {
  private static final long SEED = 0x5EED_0103L;

  /** A smooth texture: the error surface leads the pattern search to the true displacement. */
  private static byte[] texture(int w, int h, int dx, int dy) {
    java.util.Random random = new java.util.Random(SEED);
    double fx = 0.21 + random.nextDouble() * 0.05;
    double fy = 0.17 + random.nextDouble() * 0.05;
    int cw = (w + 1) / 2;
    int ch = (h + 1) / 2;
    byte[] p = new byte[w * h + 2 * cw * ch];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = x + dx;
        double sy = y + dy;
        double v = 128 + 60 * Math.sin(sx * fx + sy * 0.04) + 50 * Math.cos(sy * fy - sx * 0.03);
        p[y * w + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
      }
    }
    java.util.Arrays.fill(p, w * h, p.length, (byte) 128);
    return p;
  }

  @Test
  void findsAWholeSampleDisplacement() {
    Dimensions d = new Dimensions(96, 96);
    Picture reference = Picture.fromI420(d, texture(96, 96, 0, 0));
    // The target at (x, y) shows the reference at (x + 5, y - 3): vector (row -3, col 5) samples.
    Picture target = Picture.fromI420(d, texture(96, 96, 5, -3));
    MotionEstimator m =
        new MotionEstimator(
            reference.y(),
            MvCosts.of(ProbabilityTables.DEFAULTS.mvProbs()),
            RateDistortion.forStep(20, RateDistortion.DEFAULT_LAMBDA_FACTOR));
    int row = 2;
    int col = 2;
    int off = target.y().origin() + row * 16 * target.y().stride() + col * 16;
    int mv = m.search(target.y().samplesUnsafe(), off, target.y().stride(), row, col, 0, 0, 0);
    assertEquals(MotionVector.of(-3 * 8, 5 * 8), mv, MotionVector.toString(mv));
  }
}
