package org.excamera.codec.encode;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.EncodeResult;
import org.excamera.codec.EncoderSettings;
import org.excamera.codec.Vp8Encoder;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.io.RawFrame;

/**
 * Encodes a chunk of raw frames in Java, the fallback for ExCamera's first stage when vpxenc is not
 * installed (design §2, issue 4 item 5): a key frame, then one interframe per further frame, each
 * coded with {@link Vp8Encoder#encodeInterframe} against the state the frame before leaves (last
 * frame only, refreshing all three references, so a chunk's states hold one picture). Every frame
 * is shown, one per raw frame. Deterministic.
 */
public final class ChunkEncoder {
  private ChunkEncoder() {}

  /**
   * Quantizers and rate-distortion weight of a chunk.
   *
   * @param keyFrameQIndex {@code y_ac_qi} of the key frame
   * @param interQIndex {@code y_ac_qi} of the interframes
   * @param lambdaFactor λ per squared step ({@link RateDistortion})
   */
  public record Settings(int keyFrameQIndex, int interQIndex, double lambdaFactor) {
    public Settings {
      if (keyFrameQIndex < 0 || keyFrameQIndex > 127 || interQIndex < 0 || interQIndex > 127) {
        throw new IllegalArgumentException(
            "quantizer indices must be 0..127: key %d, inter %d"
                .formatted(keyFrameQIndex, interQIndex));
      }
      if (!(lambdaFactor > 0) || Double.isInfinite(lambdaFactor)) {
        throw new IllegalArgumentException("lambda factor must be positive: " + lambdaFactor);
      }
    }

    /**
     * Settings for vpxenc's quality level {@code level} (0..63, as {@code --cq-level}): the
     * interframes at its quantizer index, the key frame at {@link #KEY_FRAME_Q_RATIO} of it, as a
     * constant-quality encoder spends more on the frame every other one predicts from.
     */
    public static Settings ofQuality(int level) {
      int q = EncoderSettings.qIndexOfQuality(level);
      return new Settings(
          (int) Math.round(q * KEY_FRAME_Q_RATIO), q, RateDistortion.DEFAULT_LAMBDA_FACTOR);
    }
  }

  /**
   * The key frame's quantizer index relative to the interframes' in {@link Settings#ofQuality}: on
   * 6-frame chunks of foreman, ratios 0.15..0.4 gave about the same SSIM per bit; the higher one
   * keeps the key frame, which the rebase chain does not keep, cheap.
   */
  public static final double KEY_FRAME_Q_RATIO = 0.4;

  /** An encoded chunk: one shown frame per raw frame, and the state after the last. */
  public record Output(List<CompressedFrame> frames, DecoderState finalState) {
    public Output {
      frames = List.copyOf(frames);
    }
  }

  /**
   * Encodes {@code raw} (at least one frame, all of one size).
   *
   * @throws IllegalArgumentException for an empty chunk or frames of different sizes
   */
  public static Output encode(List<RawFrame> raw, Settings settings) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("no raw frames");
    }
    RawFrame first = raw.get(0);
    for (int i = 1; i < raw.size(); i++) {
      RawFrame f = raw.get(i);
      if (f.width() != first.width() || f.height() != first.height()) {
        throw new IllegalArgumentException(
            "frame %d is %dx%d, frame 0 %dx%d"
                .formatted(i, f.width(), f.height(), first.width(), first.height()));
      }
    }
    List<CompressedFrame> frames = new ArrayList<>(raw.size());
    EncodeResult key =
        Vp8Encoder.encodeKeyFrame(
            first,
            new EncoderSettings(
                QuantIndices.of(settings.keyFrameQIndex()), settings.lambdaFactor()));
    frames.add(key.frame());
    DecoderState state = key.next();
    EncoderSettings inter =
        new EncoderSettings(QuantIndices.of(settings.interQIndex()), settings.lambdaFactor());
    for (int i = 1; i < raw.size(); i++) {
      EncodeResult e = Vp8Encoder.encodeInterframe(state, raw.get(i), inter);
      frames.add(e.frame());
      state = e.next();
    }
    return new Output(frames, state);
  }
}
