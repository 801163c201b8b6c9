package org.excamera.codec.recon;

import org.excamera.codec.picture.SampleRuns;
import org.excamera.codec.syntax.PredictionMode;

/**
 * Intra prediction (RFC 6386 §12) into a canvas that already holds the frame's edge values: the row
 * above the frame is 127 (including the above-left corner), the column left of it 129, as libvpx
 * sets them on every frame. 16x16 luma and 8x8 chroma blocks predict in place from the canvas; DC
 * prediction averages only the edges inside the frame (128 if none). 4x4 subblocks predict from an
 * explicit edge array.
 */
public final class IntraPredictor {
  private IntraPredictor() {}

  /**
   * Predicts an {@code n}x{@code n} block (n = 16 luma, 8 chroma) at {@code off} with mode
   * DC/V/H/TM; {@code haveAbove}/{@code haveLeft} say whether the macroblock is not in the top row
   * / left column (only DC prediction cares).
   */
  public static void predictBlock(
      int mode, byte[] d, int off, int stride, int n, boolean haveAbove, boolean haveLeft) {
    int above = off - stride;
    switch (mode) {
      case PredictionMode.DC_PRED -> {
        int sum = 0;
        int shift = n == 16 ? 3 : 2;
        if (haveAbove) {
          for (int i = 0; i < n; i++) {
            sum += d[above + i] & 0xFF;
          }
          shift++;
        }
        if (haveLeft) {
          for (int i = 0; i < n; i++) {
            sum += d[off + i * stride - 1] & 0xFF;
          }
          shift++;
        }
        int dc = haveAbove || haveLeft ? (sum + (1 << (shift - 1))) >> shift : 128;
        byte v = (byte) dc;
        for (int r = 0; r < n; r++) {
          SampleRuns.fill(d, off + r * stride, n, v);
        }
      }
      case PredictionMode.V_PRED -> {
        for (int r = 0; r < n; r++) {
          System.arraycopy(d, above, d, off + r * stride, n);
        }
      }
      case PredictionMode.H_PRED -> {
        for (int r = 0; r < n; r++) {
          int o = off + r * stride;
          SampleRuns.fill(d, o, n, d[o - 1]);
        }
      }
      case PredictionMode.TM_PRED -> {
        int p = d[above - 1] & 0xFF;
        for (int r = 0; r < n; r++) {
          int o = off + r * stride;
          int l = (d[o - 1] & 0xFF) - p;
          for (int c = 0; c < n; c++) {
            d[o + c] = InverseTransform.clamp255(l + (d[above + c] & 0xFF));
          }
        }
      }
      default -> throw new AssertionError("not a 16x16/chroma intra mode: " + mode);
    }
  }

  /**
   * Predicts a 4x4 subblock at {@code off} with subblock mode {@code mode} from the edge array
   * {@code e} (RFC 6386 §12.3 layout, bottom-left to top-right): {@code e[0..3]} the left column
   * from the bottom (L[3]..L[0]), {@code e[4]} the above-left corner P, {@code e[5..12]} the above
   * row A[0..7], whose last four are the above-right pixels.
   */
  public static void predictSubblock(int mode, int[] e, byte[] d, int off, int stride) {
    // Names as in RFC 6386 §12.3: L[0..3] left (top to bottom), P corner, A[0..7] above.
    int l0 = e[3];
    int l1 = e[2];
    int l2 = e[1];
    int l3 = e[0];
    int p = e[4];
    int a0 = e[5];
    int a1 = e[6];
    int a2 = e[7];
    int a3 = e[8];
    int a4 = e[9];
    int a5 = e[10];
    int a6 = e[11];
    int a7 = e[12];
    int s = stride;
    switch (mode) {
      case PredictionMode.B_DC_PRED -> {
        int v = (a0 + a1 + a2 + a3 + l0 + l1 + l2 + l3 + 4) >> 3;
        fill(d, off, s, v);
      }
      case PredictionMode.B_TM_PRED -> {
        tmRow(d, off, l0 - p, a0, a1, a2, a3);
        tmRow(d, off + s, l1 - p, a0, a1, a2, a3);
        tmRow(d, off + 2 * s, l2 - p, a0, a1, a2, a3);
        tmRow(d, off + 3 * s, l3 - p, a0, a1, a2, a3);
      }
      case PredictionMode.B_VE_PRED -> {
        int v0 = avg3(p, a0, a1);
        int v1 = avg3(a0, a1, a2);
        int v2 = avg3(a1, a2, a3);
        int v3 = avg3(a2, a3, a4);
        for (int r = 0; r < 4; r++) {
          row(d, off + r * s, v0, v1, v2, v3);
        }
      }
      case PredictionMode.B_HE_PRED -> {
        int h0 = avg3(p, l0, l1);
        int h1 = avg3(l0, l1, l2);
        int h2 = avg3(l1, l2, l3);
        int h3 = avg3(l2, l3, l3);
        row(d, off, h0, h0, h0, h0);
        row(d, off + s, h1, h1, h1, h1);
        row(d, off + 2 * s, h2, h2, h2, h2);
        row(d, off + 3 * s, h3, h3, h3, h3);
      }
      case PredictionMode.B_LD_PRED -> {
        int q0 = avg3(a0, a1, a2);
        int q1 = avg3(a1, a2, a3);
        int q2 = avg3(a2, a3, a4);
        int q3 = avg3(a3, a4, a5);
        int q4 = avg3(a4, a5, a6);
        int q5 = avg3(a5, a6, a7);
        int q6 = avg3(a6, a7, a7);
        row(d, off, q0, q1, q2, q3);
        row(d, off + s, q1, q2, q3, q4);
        row(d, off + 2 * s, q2, q3, q4, q5);
        row(d, off + 3 * s, q3, q4, q5, q6);
      }
      case PredictionMode.B_RD_PRED -> {
        // Edge from bottom-left to top-right: L3 L2 L1 L0 P A0 A1 A2 A3.
        int q0 = avg3(l3, l2, l1);
        int q1 = avg3(l2, l1, l0);
        int q2 = avg3(l1, l0, p);
        int q3 = avg3(l0, p, a0);
        int q4 = avg3(p, a0, a1);
        int q5 = avg3(a0, a1, a2);
        int q6 = avg3(a1, a2, a3);
        row(d, off + 3 * s, q0, q1, q2, q3);
        row(d, off + 2 * s, q1, q2, q3, q4);
        row(d, off + s, q2, q3, q4, q5);
        row(d, off, q3, q4, q5, q6);
      }
      case PredictionMode.B_VR_PRED -> {
        row(d, off, avg2(p, a0), avg2(a0, a1), avg2(a1, a2), avg2(a2, a3));
        row(d, off + s, avg3(l0, p, a0), avg3(p, a0, a1), avg3(a0, a1, a2), avg3(a1, a2, a3));
        row(d, off + 2 * s, avg3(l1, l0, p), avg2(p, a0), avg2(a0, a1), avg2(a1, a2));
        row(d, off + 3 * s, avg3(l2, l1, l0), avg3(l0, p, a0), avg3(p, a0, a1), avg3(a0, a1, a2));
      }
      case PredictionMode.B_VL_PRED -> {
        row(d, off, avg2(a0, a1), avg2(a1, a2), avg2(a2, a3), avg2(a3, a4));
        row(d, off + s, avg3(a0, a1, a2), avg3(a1, a2, a3), avg3(a2, a3, a4), avg3(a3, a4, a5));
        row(d, off + 2 * s, avg2(a1, a2), avg2(a2, a3), avg2(a3, a4), avg3(a4, a5, a6));
        row(d, off + 3 * s, avg3(a1, a2, a3), avg3(a2, a3, a4), avg3(a3, a4, a5), avg3(a5, a6, a7));
      }
      case PredictionMode.B_HD_PRED -> {
        row(d, off, avg2(l0, p), avg3(l0, p, a0), avg3(p, a0, a1), avg3(a0, a1, a2));
        row(d, off + s, avg2(l1, l0), avg3(l1, l0, p), avg2(l0, p), avg3(l0, p, a0));
        row(d, off + 2 * s, avg2(l2, l1), avg3(l2, l1, l0), avg2(l1, l0), avg3(l1, l0, p));
        row(d, off + 3 * s, avg2(l3, l2), avg3(l3, l2, l1), avg2(l2, l1), avg3(l2, l1, l0));
      }
      case PredictionMode.B_HU_PRED -> {
        row(d, off, avg2(l0, l1), avg3(l0, l1, l2), avg2(l1, l2), avg3(l1, l2, l3));
        row(d, off + s, avg2(l1, l2), avg3(l1, l2, l3), avg2(l2, l3), avg3(l2, l3, l3));
        row(d, off + 2 * s, avg2(l2, l3), avg3(l2, l3, l3), l3, l3);
        row(d, off + 3 * s, l3, l3, l3, l3);
      }
      default -> throw new AssertionError("not a subblock mode: " + mode);
    }
  }

  private static int avg2(int x, int y) {
    return (x + y + 1) >> 1;
  }

  private static int avg3(int x, int y, int z) {
    return (x + 2 * y + z + 2) >> 2;
  }

  private static void row(byte[] d, int o, int v0, int v1, int v2, int v3) {
    d[o] = (byte) v0;
    d[o + 1] = (byte) v1;
    d[o + 2] = (byte) v2;
    d[o + 3] = (byte) v3;
  }

  private static void tmRow(byte[] d, int o, int l, int a0, int a1, int a2, int a3) {
    d[o] = InverseTransform.clamp255(l + a0);
    d[o + 1] = InverseTransform.clamp255(l + a1);
    d[o + 2] = InverseTransform.clamp255(l + a2);
    d[o + 3] = InverseTransform.clamp255(l + a3);
  }

  private static void fill(byte[] d, int off, int s, int v) {
    for (int r = 0; r < 4; r++) {
      row(d, off + r * s, v, v, v, v);
    }
  }
}
