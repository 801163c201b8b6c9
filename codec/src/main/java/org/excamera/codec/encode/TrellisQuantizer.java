package org.excamera.codec.encode;

/**
 * Rate-distortion optimised quantization of one 4×4 block, in the spirit of libvpx's {@code
 * optimize_b}: after the regular quantizer, each coded value may stay or move one step towards
 * zero, and the block may end earlier; a dynamic programme over the token positions, backwards,
 * picks the combination that minimises {@code J = rdMult·w·R + 25600·D} (libvpx's {@code RDCOST}
 * with its {@code RDMULT / 100} scaling; w the plane weight), where R is the bit cost (1/256 bit)
 * of the tokens, extra bits and signs under the given {@link TokenCosts} with their exact contexts
 * (the previous token's class, no EOB after ZERO), and D the squared error of the dequantized
 * coefficients in the transform domain. The state at a position is the class of the previous token
 * (0 with EOB allowed only at the block's first position, 0 after ZERO, 1 after ONE, 2 after a
 * larger token). A ZERO token is never left at the last position, so the block's end is always one
 * past its last nonzero value.
 *
 * <p>Scratch object: single-threaded, allocates nothing per block.
 */
public final class TrellisQuantizer {
  private static final long INF = Long.MAX_VALUE / 4;

  /** Weight of the squared error: 256 (rate in 1/256 bit) times libvpx's divisor 100. */
  private static final long DIST_SCALE = 25600;

  private static final int[] ZIGZAG = ScanOrder.ZIGZAG;
  private static final int[] BANDS = ScanOrder.COEFF_BANDS;

  /** libvpx's per-plane error weights {@code plane_rd_mult}: Y after Y2, Y2, chroma, Y with DC. */
  private static final int[] PLANE_RD_MULT = {4, 16, 2, 4};

  private final TokenCosts costs;
  // [position 0..16][state 0..3]
  private final long[][] best = new long[17][4];
  private final byte[][] choice = new byte[17][4]; // 0, 1: candidate index; 2: EOB
  private final long[] zeroTail = new long[17];
  private final int[][] candidates = new int[16][2];

  /** A trellis with token costs {@code costs} (those of the probabilities the frame will use). */
  public TrellisQuantizer(TokenCosts costs) {
    this.costs = costs;
  }

  /**
   * libvpx's rate multiplier for a macroblock ({@code vp8_initialize_rd_consts}: {@code 2.8·q²} for
   * the luma DC step q, capped at 160; intra macroblocks take 9/16 of it), before the plane weight.
   */
  public static int rdMultiplier(int y1DcStep, boolean intra) {
    double q = Math.min(160, y1DcStep);
    int m = (int) (2.80 * q * q);
    return intra ? (m * 9) >> 4 : m;
  }

  /**
   * Re-decides a quantized block in place.
   *
   * @param coeff the transform coefficients in raster order at {@code coeffOff}
   * @param qcoeff the regular quantizer's values in token order at {@code qOff}; rewritten
   * @param dqcoeff the dequantized values in raster order at {@code dqOff}; rewritten
   * @param type block type (0 Y after Y2, 1 Y2, 2 chroma, 3 Y with DC)
   * @param ctx the first token's context (0..2: above + left blocks with coefficients)
   * @param rdMult the macroblock's rate multiplier ({@link #rdMultiplier})
   * @return the block's end (one past the last nonzero value at or after the first position)
   */
  public int optimize(
      short[] coeff,
      int coeffOff,
      short[] qcoeff,
      int qOff,
      short[] dqcoeff,
      int dqOff,
      int type,
      int ctx,
      int dcStep,
      int acStep,
      int rdMult) {
    int first = type == 0 ? 1 : 0;
    long lambda = (long) rdMult * PLANE_RD_MULT[type];
    zeroTail[16] = 0;
    for (int i = 15; i >= first; i--) {
      long c = coeff[coeffOff + ZIGZAG[i]];
      zeroTail[i] = zeroTail[i + 1] + DIST_SCALE * c * c;
    }
    int last = -1;
    for (int i = first; i < 16; i++) {
      int q = qcoeff[qOff + i];
      candidates[i][0] = q;
      candidates[i][1] = q == 0 ? 0 : q - Integer.signum(q);
      if (q != 0) {
        last = i;
      }
    }
    if (last < 0) {
      return 0;
    }
    // Positions after the last nonzero value can only be zero: the block ends at or before it.
    // So past position last the only choice is EOB (or nothing, at 16), and the programme starts
    // one past it: the states there cost the EOB token plus the error of zeroing the tail.
    int start = last + 1;
    best[start][0] = INF;
    best[start][1] = INF;
    for (int s = 2; s < 4; s++) {
      best[start][s] =
          start == 16
              ? 0
              : lambda * costs.tokenCost(type, BANDS[start], s - 1, DctTokens.EOB)
                  + zeroTail[start];
      choice[start][s] = 2;
    }
    for (int i = last; i >= first; i--) {
      int band = BANDS[i];
      int step = i == 0 ? dcStep : acStep;
      long c = coeff[coeffOff + ZIGZAG[i]];
      for (int s = 0; s < 4; s++) {
        if (s == 0 && i != first) {
          best[i][s] = INF;
          continue;
        }
        int cls = s <= 1 ? 0 : s - 1;
        long bestCost = INF;
        int bestChoice = 2;
        if (s != 1) {
          bestCost = lambda * costs.tokenCost(type, band, cls, DctTokens.EOB) + zeroTail[i];
        }
        int n = candidates[i][0] == candidates[i][1] ? 1 : 2;
        for (int k = 0; k < n; k++) {
          int v = candidates[i][k];
          int t = DctTokens.token(v);
          int next = t == DctTokens.ZERO ? 1 : (t == DctTokens.ONE ? 2 : 3);
          long rest = best[i + 1][next];
          if (rest >= INF) {
            continue;
          }
          long d = (long) v * step - c;
          long j =
              lambda * (costs.tokenCost(type, band, cls, t) + DctTokens.valueCost(v))
                  + DIST_SCALE * d * d
                  + rest;
          if (j < bestCost) {
            bestCost = j;
            bestChoice = k;
          }
        }
        best[i][s] = bestCost;
        choice[i][s] = (byte) bestChoice;
      }
    }
    int s = ctx == 0 ? 0 : ctx + 1;
    int end = 0;
    int i = first;
    for (; i < 16; i++) {
      int k = choice[i][s];
      if (k == 2) {
        break;
      }
      int v = candidates[i][k];
      qcoeff[qOff + i] = (short) v;
      dqcoeff[dqOff + ZIGZAG[i]] = (short) (v * (i == 0 ? dcStep : acStep));
      if (v != 0) {
        end = i + 1;
      }
      int t = DctTokens.token(v);
      s = t == DctTokens.ZERO ? 1 : (t == DctTokens.ONE ? 2 : 3);
    }
    for (; i < 16; i++) {
      qcoeff[qOff + i] = 0;
      dqcoeff[dqOff + ZIGZAG[i]] = 0;
    }
    return end;
  }
}
