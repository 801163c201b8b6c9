package org.excamera.codec.encode;

/**
 * The rate-distortion trade-off of one frame: a candidate costs {@code D + λ·R}, with D the sum of
 * squared errors of its reconstruction against the target and R its bits. Rates are kept in 1/256
 * bit ({@link BoolCosts}), so {@link #cost} returns {@code 256·D + λ·R₂₅₆}. λ grows with the square
 * of the luma AC quantizer step (the distortion a coded coefficient saves scales with the step
 * squared). Motion search weights vector bits by √λ, against SAD and in the sub-sample refinement
 * against SSE too: weighting them by λ itself there pulls vectors towards the predicted one and
 * costs more residual bits than it saves. Immutable.
 */
public final class RateDistortion {
  /**
   * λ per squared AC step, chosen by measuring SSIM against bits (foreman, quantizer indices
   * 30..50, factors 0.003..1): 0.01..0.02 gave the best bits at equal SSIM.
   */
  public static final double DEFAULT_LAMBDA_FACTOR = 0.015;

  private final long lambda;
  private final int sadLambda;

  private RateDistortion(long lambda) {
    this.lambda = Math.max(1, lambda);
    this.sadLambda = (int) Math.max(1, Math.round(Math.sqrt(this.lambda)));
  }

  /** The trade-off for luma AC step {@code acStep} with λ = {@code factor}·step². */
  public static RateDistortion forStep(int acStep, double factor) {
    if (acStep < 1 || !(factor > 0)) {
      throw new IllegalArgumentException(
          "need a positive step and factor: step %d, factor %s".formatted(acStep, factor));
    }
    return new RateDistortion(Math.round(factor * acStep * acStep));
  }

  /** λ: squared error worth one bit. */
  public long lambda() {
    return lambda;
  }

  /** The weight of one bit against SAD, √λ rounded. */
  public int sadLambda() {
    return sadLambda;
  }

  /** {@code 256·sse + λ·rate}, rate in 1/256 bit. */
  public long cost(int rate, long sse) {
    return (sse << 8) + lambda * rate;
  }

  /** The rate term of a motion search score: {@code rate·√λ / 256}, rate in 1/256 bit. */
  public int sadRate(int rate) {
    return (int) (((long) rate * sadLambda + 128) >> 8);
  }
}
