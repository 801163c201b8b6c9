package org.excamera.codec;

import org.excamera.codec.encode.FrameEncoder;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;

/**
 * The VP8 encoder as pure functions (design §4.1). {@code encodeInterframe(state, target,
 * settings)} codes a raw picture as an interframe against a decoder state, as ExCamera replaces a
 * chunk's key frame: predicted from the last frame only, refreshing all three references, keeping
 * its probability updates. {@code encodeKeyFrame(target, settings)} codes a key frame. Both choose
 * modes and motion vectors by rate-distortion cost and the loop filter level by SSIM against the
 * target, then write the frame and advance the state only by decoding what was written with {@link
 * Vp8Decoder}. Nothing received is changed; the same inputs give the same bytes.
 */
public final class Vp8Encoder {
  private Vp8Encoder() {}

  /**
   * Encodes {@code target} as an interframe against {@code state}.
   *
   * @throws StateMismatchException if the state has no references (no key frame decoded yet) or its
   *     picture size differs from the target's
   */
  public static EncodeResult encodeInterframe(
      DecoderState state, RawFrame target, EncoderSettings settings) {
    Dimensions dims = state.dimensions();
    if (!state.references().present() || !dims.isKnown()) {
      throw new StateMismatchException(
          "an interframe needs a state with references (decode a key frame first)");
    }
    if (dims.width() != target.width() || dims.height() != target.height()) {
      throw new StateMismatchException(
          "the state's pictures are %s, the target is %dx%d"
              .formatted(dims, target.width(), target.height()));
    }
    FrameEncoder.Encoded encoded =
        FrameEncoder.interframe(
            state.probabilities(),
            state.segmentation(),
            state.filterAdjustments(),
            state.references(),
            Picture.fromI420(dims, target.toI420()),
            settings.quantIndices(),
            settings.lambdaFactor());
    return FrameEncoding.finish(state, encoded.frame());
  }

  /** Encodes {@code target} as a key frame; the result's state starts a new stream. */
  public static EncodeResult encodeKeyFrame(RawFrame target, EncoderSettings settings) {
    Dimensions dims = new Dimensions(target.width(), target.height());
    FrameEncoder.Encoded encoded =
        FrameEncoder.keyFrame(
            Picture.fromI420(dims, target.toI420()),
            settings.quantIndices(),
            settings.lambdaFactor());
    return FrameEncoding.finish(DecoderState.initial(dims), encoded.frame());
  }
}
