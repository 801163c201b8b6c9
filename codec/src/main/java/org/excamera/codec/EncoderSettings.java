package org.excamera.codec;

import org.excamera.codec.encode.RateDistortion;
import org.excamera.codec.header.QuantIndices;

/**
 * How the encoder codes a frame: the quantizer indices written in its header (RFC 6386 §9.6) and
 * the rate-distortion weight λ per squared luma AC step ({@link RateDistortion}). Immutable.
 *
 * @param quantIndices {@code y_ac_qi} and the five deltas
 * @param lambdaFactor λ / step²; larger values spend fewer bits
 */
public record EncoderSettings(QuantIndices quantIndices, double lambdaFactor) {
  /**
   * vpxenc's mapping of its 0..63 quality scale ({@code --cq-level}, {@code --min-q}, {@code
   * --max-q}) onto quantizer indices 0..127.
   */
  private static final int[] QUALITY_TO_QINDEX = {
    0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30,
    31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61, 64, 67, 70, 73, 76, 79, 82, 85,
    88, 91, 94, 97, 100, 103, 106, 109, 112, 115, 118, 121, 124, 127
  };

  /** The weight of the key frame's quantizer in a key frame replacement (design §4.1). */
  public static final double DEFAULT_KEY_FRAME_WEIGHT = 0.75;

  public EncoderSettings {
    if (!(lambdaFactor > 0) || Double.isInfinite(lambdaFactor)) {
      throw new IllegalArgumentException("lambda factor must be positive: " + lambdaFactor);
    }
  }

  /** Quantizer index {@code yAcQi} (0..127) with no deltas and the default λ. */
  public static EncoderSettings ofQIndex(int yAcQi) {
    if (yAcQi < 0 || yAcQi > 127) {
      throw new IllegalArgumentException("quantizer index must be 0..127: " + yAcQi);
    }
    return new EncoderSettings(QuantIndices.of(yAcQi), RateDistortion.DEFAULT_LAMBDA_FACTOR);
  }

  /** vpxenc's quality level {@code level} (0..63, as {@code --cq-level}) with the default λ. */
  public static EncoderSettings ofQuality(int level) {
    return ofQIndex(qIndexOfQuality(level));
  }

  /** vpxenc's quality level {@code level} (0..63, as {@code --cq-level}) as a quantizer index. */
  public static int qIndexOfQuality(int level) {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("quality level must be 0..63: " + level);
    }
    return QUALITY_TO_QINDEX[level];
  }

  /**
   * The settings of a key frame's replacement (design §4.1): the key frame's quantizer indices,
   * except {@code y_ac_qi = round(w·q_key + (1 − w)·q_next)}, where {@code q_next} is the next
   * frame's {@code y_ac_qi} and {@code w} the key frame's weight (0.75 in ExCamera).
   */
  public static EncoderSettings replacingKeyFrame(
      QuantIndices keyFrame, int nextYAcQi, double keyFrameWeight) {
    if (nextYAcQi < 0 || nextYAcQi > 127 || !(keyFrameWeight >= 0 && keyFrameWeight <= 1)) {
      throw new IllegalArgumentException(
          "need a quantizer index 0..127 and a weight 0..1: %d, %s"
              .formatted(nextYAcQi, keyFrameWeight));
    }
    int q = (int) Math.round(keyFrameWeight * keyFrame.yAcQi() + (1 - keyFrameWeight) * nextYAcQi);
    return new EncoderSettings(keyFrame.withYAcQi(q), RateDistortion.DEFAULT_LAMBDA_FACTOR);
  }

  /** The same settings with another λ factor. */
  public EncoderSettings withLambdaFactor(double factor) {
    return new EncoderSettings(quantIndices, factor);
  }
}
