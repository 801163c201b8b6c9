package org.excamera.codec.recon;

import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.picture.Plane;
import org.excamera.codec.syntax.MotionVector;

/**
 * Inter prediction of a SPLITMV macroblock (RFC 6386 §17.4, §18), shared by the decoder and the
 * encoder: each luma subblock with its own vector, each 4×4 chroma block with the rounded average
 * of the four luma vectors it covers. Blocks that share a vector are predicted together: an 8×8
 * luma quadrant whose four subblocks share one (always so for 16×8, 8×16 and 8×8 partitions, as
 * libvpx predicts them), else two side-by-side subblocks as 8×4; chroma blocks likewise. Every
 * predicted sample depends only on its position, the vector and the reference (edge replication
 * included), so grouping changes no sample; it moves the work to {@link SixTapFilter}'s packed
 * 8-wide path.
 */
public final class SplitMvPrediction {
  private final InterPredictor inter;
  private final int[] chromaMvs = new int[4];

  /** Prediction with {@code inter}'s kernels and scratch. */
  public SplitMvPrediction(InterPredictor inter) {
    this.inter = inter;
  }

  /**
   * Predicts the whole macroblock whose top-left luma sample is (x, y) into {@code canvas}, its
   * luma at {@code yOff} and chroma at {@code uvOff}.
   */
  public void macroblock(
      Picture ref,
      int x,
      int y,
      int[] subMvs,
      boolean bilinear,
      boolean fullPixel,
      PictureBuilder canvas,
      int yOff,
      int uvOff) {
    luma(ref.y(), x, y, subMvs, bilinear, canvas.data(0), yOff, canvas.stride(0));
    chroma(
        ref.u(),
        ref.v(),
        x >> 1,
        y >> 1,
        subMvs,
        bilinear,
        fullPixel,
        canvas.data(1),
        canvas.data(2),
        uvOff,
        canvas.stride(1));
  }

  /**
   * Predicts the luma of the macroblock at sample (x, y) of {@code ref} into {@code dst} at {@code
   * dstOff}; {@code subMvs[b]} is subblock b's vector ({@link MotionVector}).
   */
  private void luma(
      Plane ref, int x, int y, int[] subMvs, boolean bilinear, byte[] dst, int dstOff, int stride) {
    for (int q = 0; q < 4; q++) {
      int b = (q >> 1) * 8 + (q & 1) * 2;
      int qx = (q & 1) * 8;
      int qy = (q >> 1) * 8;
      int m = subMvs[b];
      if (m == subMvs[b + 1] && m == subMvs[b + 4] && m == subMvs[b + 5]) {
        predict(ref, x + qx, y + qy, m, 8, 8, bilinear, dst, dstOff + qy * stride + qx, stride);
        continue;
      }
      for (int r = 0; r < 2; r++) {
        int top = b + r * 4;
        int off = dstOff + (qy + r * 4) * stride + qx;
        pair(ref, x + qx, y + qy + r * 4, subMvs[top], subMvs[top + 1], bilinear, dst, off, stride);
      }
    }
  }

  /**
   * Predicts both chroma planes of the macroblock at chroma sample (x, y) into {@code u} and {@code
   * v} at {@code off}; {@code fullPixel} (bitstream version 3) drops the vectors' fractions.
   */
  private void chroma(
      Plane refU,
      Plane refV,
      int x,
      int y,
      int[] subMvs,
      boolean bilinear,
      boolean fullPixel,
      byte[] u,
      byte[] v,
      int off,
      int stride) {
    for (int q = 0; q < 4; q++) {
      int b = (q >> 1) * 8 + (q & 1) * 2;
      chromaMvs[q] = chromaMv(subMvs[b], subMvs[b + 1], subMvs[b + 4], subMvs[b + 5], fullPixel);
    }
    int[] m = chromaMvs;
    if (m[0] == m[1] && m[0] == m[2] && m[0] == m[3]) {
      predict(refU, x, y, m[0], 8, 8, bilinear, u, off, stride);
      predict(refV, x, y, m[0], 8, 8, bilinear, v, off, stride);
      return;
    }
    for (int r = 0; r < 2; r++) {
      int o = off + r * 4 * stride;
      pair(refU, x, y + r * 4, m[r * 2], m[r * 2 + 1], bilinear, u, o, stride);
      pair(refV, x, y + r * 4, m[r * 2], m[r * 2 + 1], bilinear, v, o, stride);
    }
  }

  /**
   * Two side-by-side 4×4 blocks at (x, y) and (x + 4, y): one 8×4 block when they share a vector.
   */
  private void pair(
      Plane ref, int x, int y, int left, int right, boolean bilinear, byte[] d, int off, int s) {
    if (left == right) {
      predict(ref, x, y, left, 8, 4, bilinear, d, off, s);
    } else {
      predict(ref, x, y, left, 4, 4, bilinear, d, off, s);
      predict(ref, x + 4, y, right, 4, 4, bilinear, d, off + 4, s);
    }
  }

  private void predict(
      Plane ref, int x, int y, int mv, int w, int h, boolean bilinear, byte[] d, int off, int s) {
    inter.predict(ref, x, y, MotionVector.row(mv), MotionVector.col(mv), w, h, bilinear, d, off, s);
  }

  /** The chroma vector of four luma vectors: their sum over 8, rounded away from zero. */
  private static int chromaMv(int m0, int m1, int m4, int m5, boolean fullPixel) {
    int sumR =
        MotionVector.row(m0) + MotionVector.row(m1) + MotionVector.row(m4) + MotionVector.row(m5);
    int sumC =
        MotionVector.col(m0) + MotionVector.col(m1) + MotionVector.col(m4) + MotionVector.col(m5);
    int cr = (sumR + (sumR < 0 ? -4 : 4)) / 8;
    int cc = (sumC + (sumC < 0 ? -4 : 4)) / 8;
    if (fullPixel) {
      cr &= ~7;
      cc &= ~7;
    }
    return MotionVector.of(cr, cc);
  }
}
