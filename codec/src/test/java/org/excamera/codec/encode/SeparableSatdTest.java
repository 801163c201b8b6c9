package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.recon.IntraPredictor;
import org.excamera.codec.syntax.PredictionMode;
import org.junit.jupiter.api.Test;

/** {@link SeparableSatd} gives exactly {@link Satd}'s value for the predictions it scores. */
class SeparableSatdTest {
  private static final int STRIDE = 40;

  /** A plane of random samples; with {@code extreme}, only 0s and 255s (TM clamps). */
  private static byte[] plane(Random random, boolean extreme) {
    byte[] p = new byte[STRIDE * 40];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (extreme ? (random.nextBoolean() ? 255 : 0) : random.nextInt(256));
    }
    return p;
  }

  @Test
  void blockPredictionsScoreAsTheDirectSatd() {
    long seed = 20261202L;
    Random random = new Random(seed);
    int tested = 0;
    int clamped = 0;
    for (int trial = 0; trial < 400; trial++) {
      boolean extreme = trial % 4 == 3;
      byte[] src = plane(random, extreme);
      byte[] canvas = plane(random, extreme);
      int n = trial % 2 == 0 ? 16 : 8;
      int off = 2 * STRIDE + 4;
      SeparableSatd s = new SeparableSatd();
      s.loadBlock(src, off, STRIDE, n, 0);
      for (int mode = PredictionMode.DC_PRED; mode <= PredictionMode.TM_PRED; mode++) {
        IntraPredictor.predictBlock(mode, canvas, off, STRIDE, n, true, true);
        if (mode == PredictionMode.TM_PRED && !SeparableSatd.tmUnclamped(canvas, off, STRIDE, n)) {
          clamped++;
          continue;
        }
        int expected = Satd.satd(src, off, STRIDE, canvas, off, STRIDE, n);
        int mode0 = mode;
        int trial0 = trial;
        assertEquals(
            expected,
            s.separableBlock(0, canvas, off, STRIDE, n),
            () -> "seed %d trial %d mode %d n %d".formatted(seed, trial0, mode0, n));
        tested++;
      }
    }
    assertTrue(clamped > 0, "some TM predictions must clamp");
    assertTrue(tested > 1000, "tested " + tested);
  }

  @Test
  void subblockPredictionsScoreAsTheDirectSatd() {
    long seed = 77L;
    Random random = new Random(seed);
    int[] edge = new int[13];
    int tmTested = 0;
    for (int trial = 0; trial < 2000; trial++) {
      boolean extreme = trial % 5 == 4;
      byte[] src = plane(random, extreme);
      byte[] pred = new byte[STRIDE * 8];
      // Mostly smooth edges (as in pictures, TM rarely clamps), some of extremes only.
      int base = 40 + random.nextInt(176);
      for (int i = 0; i < 13; i++) {
        edge[i] = extreme ? (random.nextBoolean() ? 255 : 0) : base + random.nextInt(41) - 20;
      }
      SeparableSatd s = new SeparableSatd();
      int slot = trial % 16;
      s.load(slot, src, 3 * STRIDE + 5, STRIDE);
      for (int mode = PredictionMode.B_DC_PRED; mode <= PredictionMode.B_HE_PRED; mode++) {
        if (mode == PredictionMode.B_TM_PRED && !SeparableSatd.tmUnclamped(edge)) {
          continue;
        }
        IntraPredictor.predictSubblock(mode, edge, pred, 9, STRIDE);
        int expected = Satd.satd4x4(src, 3 * STRIDE + 5, STRIDE, pred, 9, STRIDE);
        int mode0 = mode;
        int trial0 = trial;
        assertEquals(
            expected,
            s.separable(slot, pred, 9, STRIDE),
            () -> "seed %d trial %d subblock mode %d".formatted(seed, trial0, mode0));
        if (mode == PredictionMode.B_TM_PRED) {
          tmTested++;
        }
      }
    }
    assertTrue(tmTested > 500, "unclamped TM subblocks tested: " + tmTested);
  }

  @Test
  void tmAtTheClampingEdgeIsNotSeparable() {
    int[] edge = new int[13];
    edge[4] = 0;
    edge[0] = 200;
    edge[5] = 100;
    assertFalse(SeparableSatd.tmUnclamped(edge));
    edge[5] = 55;
    assertTrue(SeparableSatd.tmUnclamped(edge));
  }
}
