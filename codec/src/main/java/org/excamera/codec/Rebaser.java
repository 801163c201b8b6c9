package org.excamera.codec;

import org.excamera.codec.encode.FrameRebaser;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * Rebase (design §4.2): re-encodes an interframe against another decoder state, keeping every
 * macroblock's modes, reference frames and motion vectors and recomputing the prediction from the
 * new references, the residual against the raw image, its quantization and tokens, the skip flags
 * and the frame's coefficient, skip and reference probabilities. No motion or mode search, which is
 * why it is fast. Deterministic: the same inputs give the same bytes.
 */
public final class Rebaser {
  private Rebaser() {}

  /**
   * Rebases {@code frame} (an interframe as parsed against the state it was made for) onto {@code
   * state}, with {@code raw} as the target.
   *
   * @param lastOfChunk the frame refreshes last, golden and altref with no copies (design §4.3)
   * @throws StateMismatchException if the state has another picture size, has no references, or
   *     lacks a reference the frame uses
   * @throws UnsupportedFeatureException for frames this encoder does not handle
   * @throws IllegalArgumentException for a key frame or a raw image of another size
   */
  public static EncodeResult rebase(
      DecoderState state, ParsedFrame frame, RawFrame raw, boolean lastOfChunk) {
    Dimensions dims = state.dimensions();
    if (dims.isKnown() && (raw.width() != dims.width() || raw.height() != dims.height())) {
      throw new IllegalArgumentException(
          "raw image is %dx%d, the state's picture size is %s"
              .formatted(raw.width(), raw.height(), dims));
    }
    if (!dims.isKnown()) {
      throw new StateMismatchException(
          "rebase needs a state with a picture size and references (decode a key frame first)");
    }
    Picture target = Picture.fromI420(dims, raw.toI420());
    FrameRebaser.Result r = FrameRebaser.rebase(state, frame, target, lastOfChunk);
    return FrameEncoding.finish(state, r.frame());
  }

  /** Rebases a frame that is not the last of its chunk. */
  public static EncodeResult rebase(DecoderState state, ParsedFrame frame, RawFrame raw) {
    return rebase(state, frame, raw, false);
  }
}
