package org.excamera.codec.encode;

/**
 * libvpx's regular quantizer ({@code vp8_regular_quantize_b_c}) for one block type at one quantizer
 * index, with the tables {@code vp8cx_init_quantizer} builds when {@code improved_quant} is on (the
 * default of every "good" and "best" speed setting below 3).
 *
 * <p>For coefficient {@code z} at raster position {@code rc}, visited in zigzag order: the zero bin
 * is {@code zbin[rc] + zrunBoost[run] + zbinExtra}, where {@code run} counts the positions visited
 * since the last nonzero output (capped by the table at 15). If {@code |z| >= zbin} the output is
 * {@code ((((|z| + round) · quant) >> 16) + |z| + round) · quantShift >> 16}, which equals {@code
 * floor((|z| + round) · m / 2^(16+l))} with {@code l = floor(log2 d)} and {@code m = 1 +
 * floor(2^(16+l) / d)} for step {@code d}; a nonzero output restarts the run. Tables (all 16-bit as
 * in libvpx): {@code zbin = (f·d + 64) >> 7} with f = 84 below index 48, else 80; {@code round =
 * 48·d >> 7}; {@code zrunBoost[i] = d_ac · {0,0,8,10,12,14,16,20,24,28,32,36,40,44,44,44}[i] >> 7}
 * (entry 0 uses the DC step, times 0).
 *
 * <p>Immutable; {@link #quantize} keeps no state and allocates nothing.
 */
public final class BlockQuantizer {
  private static final int[] ZBIN_BOOST = {
    0, 0, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 44, 44, 44
  };
  private static final int ROUNDING_FACTOR = 48;

  private final int qIndex;
  private final int dcStep;
  private final int acStep;
  // Index 0 is the DC (raster position 0), index 1 every AC position.
  private final int[] zbin = new int[2];
  private final int[] round = new int[2];
  private final int[] quant = new int[2];
  private final int[] quantShift = new int[2];
  private final int[] zrunBoost = new int[16];

  /**
   * Tables for base index {@code qIndex} (which picks the zero-bin factor) and the block type's DC
   * and AC steps (from {@link DequantFactors}).
   */
  public BlockQuantizer(int qIndex, int dcStep, int acStep) {
    if (qIndex < 0 || qIndex >= DequantFactors.QINDEX_RANGE) {
      throw new IllegalArgumentException("quantizer index must be 0..127: " + qIndex);
    }
    if (dcStep < 2 || acStep < 2 || dcStep > 0x7FFF || acStep > 0x7FFF) {
      throw new IllegalArgumentException(
          "quantizer steps must be 2..32767: dc %d, ac %d".formatted(dcStep, acStep));
    }
    this.qIndex = qIndex;
    this.dcStep = dcStep;
    this.acStep = acStep;
    int zbinFactor = qIndex < 48 ? 84 : 80;
    int[] steps = {dcStep, acStep};
    for (int k = 0; k < 2; k++) {
      int d = steps[k];
      zbin[k] = (short) ((zbinFactor * d + 64) >> 7);
      round[k] = (short) ((ROUNDING_FACTOR * d) >> 7);
      int l = 31 - Integer.numberOfLeadingZeros(d);
      int m = 1 + (1 << (16 + l)) / d;
      quant[k] = (short) (m - (1 << 16));
      quantShift[k] = (short) (1 << (16 - l));
    }
    zrunBoost[0] = (short) ((dcStep * ZBIN_BOOST[0]) >> 7);
    for (int i = 1; i < 16; i++) {
      zrunBoost[i] = (short) ((acStep * ZBIN_BOOST[i]) >> 7);
    }
  }

  public int qIndex() {
    return qIndex;
  }

  /** The dequantization factor of the DC coefficient. */
  public int dcStep() {
    return dcStep;
  }

  /** The dequantization factor of every AC coefficient. */
  public int acStep() {
    return acStep;
  }

  /** The zero bin at raster position {@code rc} before boosts. */
  public int zbin(int rc) {
    return zbin[rc == 0 ? 0 : 1];
  }

  /** The rounding offset at raster position {@code rc}. */
  public int round(int rc) {
    return round[rc == 0 ? 0 : 1];
  }

  /** The zero-bin boost after a run of {@code run} zeros (0..15). */
  public int zrunBoost(int run) {
    return zrunBoost[run];
  }

  /**
   * Quantizes the 16 coefficients in raster order at {@code coeff[coeffOff]}: writes the quantized
   * values in zigzag (token) order to {@code qcoeff[qOff..qOff+15]} and their dequantized values
   * (quantized × step, kept to 16 bits) in raster order to {@code dqcoeff[dqOff..dqOff+15]}, and
   * returns the end of block: one past the zigzag index of the last nonzero output, 0 if none.
   *
   * @param zbinExtra the block's extra zero bin, see {@link ZbinBoost#extra}; 0 for none
   */
  public int quantize(
      short[] coeff,
      int coeffOff,
      int zbinExtra,
      short[] qcoeff,
      int qOff,
      short[] dqcoeff,
      int dqOff) {
    // Most blocks of interframes quantize to nothing: when every value is inside its zero bin
    // without the run boosts (which only widen it), the loop below would output zeros only.
    int maxAc = 0;
    for (int rc = 1; rc < 16; rc++) {
      maxAc = Math.max(maxAc, Math.abs(coeff[coeffOff + rc]));
    }
    if (Math.abs(coeff[coeffOff]) < zbin[0] + zbinExtra && maxAc < zbin[1] + zbinExtra) {
      // Plain loops: Arrays.fill's range checks cost more than these 16 stores.
      for (int i = 0; i < 16; i++) {
        qcoeff[qOff + i] = 0;
      }
      for (int i = 0; i < 16; i++) {
        dqcoeff[dqOff + i] = 0;
      }
      return 0;
    }
    // Zigzag position 0 is the DC (raster 0, no run yet); positions 1..15 share the AC tables.
    int z = coeff[coeffOff];
    int y =
        quantized(
            Math.abs(z), zbin[0] + zrunBoost[0] + zbinExtra, round[0], quant[0], quantShift[0]);
    short q = (short) (z < 0 ? -y : y);
    qcoeff[qOff] = q;
    dqcoeff[dqOff] = (short) (q * dcStep);
    int eob = y != 0 ? 1 : 0;
    int run = y != 0 ? 0 : 1;
    int acBin = zbin[1] + zbinExtra;
    int acRound = round[1];
    int acQuant = quant[1];
    int acShift = quantShift[1];
    for (int i = 1; i < 16; i++) {
      int rc = ScanOrder.ZIGZAG[i];
      z = coeff[coeffOff + rc];
      y = quantized(Math.abs(z), acBin + zrunBoost[run], acRound, acQuant, acShift);
      q = (short) (z < 0 ? -y : y);
      qcoeff[qOff + i] = q;
      dqcoeff[dqOff + rc] = (short) (q * acStep);
      if (y != 0) {
        eob = i + 1;
        run = 0;
      } else if (run < 15) {
        run++;
      }
    }
    return eob;
  }

  /** The quantized magnitude of {@code |z| = x}: 0 inside the zero bin {@code bin}. */
  private static int quantized(int x, int bin, int round, int quant, int quantShift) {
    if (x < bin) {
      return 0;
    }
    int r = x + round;
    return ((((r * quant) >> 16) + r) * quantShift) >> 16;
  }
}
