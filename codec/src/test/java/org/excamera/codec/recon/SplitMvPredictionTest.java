package org.excamera.codec.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.syntax.MotionVector;
import org.junit.jupiter.api.Test;

/**
 * {@link SplitMvPrediction} predicts blocks that share a vector together; the result must be the
 * per-4×4 prediction of RFC 6386 §17.4 sample for sample: every subblock with its own vector, every
 * chroma 4×4 block with the rounded average of its four luma vectors. Checked on random pictures
 * and vectors of all partition shapes (whole quadrants, pairs, all different), with vectors that
 * reach far beyond the picture's edges, for the six-tap, bilinear and full-pixel versions.
 */
class SplitMvPredictionTest {
  private static final Dimensions SIZE = new Dimensions(64, 48);

  @Test
  void groupedPredictionEqualsPerSubblockPrediction() {
    long seed = 20261202L;
    Random random = new Random(seed);
    Picture ref = randomPicture(random);
    int grouped = 0;
    for (int trial = 0; trial < 3000; trial++) {
      int[] mvs = randomSubMvs(random);
      boolean bilinear = trial % 3 == 1;
      boolean fullPixel = trial % 3 == 2;
      int mbRow = random.nextInt(SIZE.mbRows());
      int mbCol = random.nextInt(SIZE.mbCols());
      PictureBuilder got = PictureBuilder.blank(SIZE);
      PictureBuilder want = PictureBuilder.blank(SIZE);
      int yOff = got.origin(0) + mbRow * 16 * got.stride(0) + mbCol * 16;
      int uvOff = got.origin(1) + mbRow * 8 * got.stride(1) + mbCol * 8;
      new SplitMvPrediction(new InterPredictor())
          .macroblock(ref, mbCol * 16, mbRow * 16, mvs, bilinear, fullPixel, got, yOff, uvOff);
      perSubblock(ref, mbCol * 16, mbRow * 16, mvs, bilinear, fullPixel, want, yOff, uvOff);
      for (int p = 0; p < 3; p++) {
        assertArrayEquals(
            want.data(p), got.data(p), "seed %d trial %d plane %d".formatted(seed, trial, p));
      }
      if (mvs[0] == mvs[1] && mvs[0] == mvs[4] && mvs[0] == mvs[5]) {
        grouped++;
      }
    }
    assertTrue(grouped > 500, "the trials must include shared-vector quadrants: " + grouped);
  }

  /** RFC 6386 §17.4 directly: sixteen luma and eight chroma 4×4 predictions. */
  private static void perSubblock(
      Picture ref,
      int x,
      int y,
      int[] mvs,
      boolean bilinear,
      boolean fullPixel,
      PictureBuilder out,
      int yOff,
      int uvOff) {
    InterPredictor inter = new InterPredictor();
    int ys = out.stride(0);
    for (int b = 0; b < 16; b++) {
      int bx = (b & 3) * 4;
      int by = (b >> 2) * 4;
      inter.predict(
          ref.y(),
          x + bx,
          y + by,
          MotionVector.row(mvs[b]),
          MotionVector.col(mvs[b]),
          4,
          4,
          bilinear,
          out.data(0),
          yOff + by * ys + bx,
          ys);
    }
    int uvs = out.stride(1);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        int b = i * 8 + j * 2;
        int sumR = 0;
        int sumC = 0;
        for (int k : new int[] {b, b + 1, b + 4, b + 5}) {
          sumR += MotionVector.row(mvs[k]);
          sumC += MotionVector.col(mvs[k]);
        }
        int cr = (sumR + (sumR < 0 ? -4 : 4)) / 8;
        int cc = (sumC + (sumC < 0 ? -4 : 4)) / 8;
        if (fullPixel) {
          cr &= ~7;
          cc &= ~7;
        }
        int off = uvOff + i * 4 * uvs + j * 4;
        for (int p = 1; p <= 2; p++) {
          inter.predict(
              ref.plane(p),
              (x >> 1) + j * 4,
              (y >> 1) + i * 4,
              cr,
              cc,
              4,
              4,
              bilinear,
              out.data(p),
              off,
              uvs);
        }
      }
    }
  }

  /** Sub-vectors of a random partition shape: 16×8, 8×16, 8×8, or 4×4 with repeats. */
  private static int[] randomSubMvs(Random random) {
    int[] mvs = new int[16];
    int shape = random.nextInt(4);
    int[] pool = new int[4];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = randomMv(random);
    }
    for (int b = 0; b < 16; b++) {
      int r = b >> 2;
      int c = b & 3;
      mvs[b] =
          switch (shape) {
            case 0 -> pool[r >> 1]; // 16×8
            case 1 -> pool[c >> 1]; // 8×16
            case 2 -> pool[(r >> 1) * 2 + (c >> 1)]; // 8×8
            default -> pool[random.nextInt(pool.length)]; // 4×4, vectors often shared
          };
    }
    return mvs;
  }

  /** Quarter-pel luma vectors (even eighths), up to 40 samples out, so edges are crossed. */
  private static int randomMv(Random random) {
    return MotionVector.of(2 * (random.nextInt(641) - 320), 2 * (random.nextInt(641) - 320));
  }

  private static Picture randomPicture(Random random) {
    PictureBuilder b = PictureBuilder.blank(SIZE);
    for (int p = 0; p < 3; p++) {
      random.nextBytes(b.data(p));
    }
    return b.freeze();
  }
}
