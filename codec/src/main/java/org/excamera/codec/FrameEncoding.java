package org.excamera.codec;

import org.excamera.codec.syntax.FrameWriter;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * The last step of every encoder operation (issue 4, item 6): writes the frame and advances the
 * state only by decoding what was written with {@link Vp8Decoder}.
 */
final class FrameEncoding {
  private FrameEncoding() {}

  static EncodeResult finish(DecoderState state, ParsedFrame frame) {
    CompressedFrame compressed = CompressedFrame.of(write(state, frame));
    ParsedFrame parsed = Vp8Decoder.parse(state, compressed);
    DecodeResult decoded = Vp8Decoder.reconstruct(state, parsed);
    return new EncodeResult(compressed, parsed, decoded.next(), decoded.picture());
  }

  private static byte[] write(DecoderState state, ParsedFrame frame) {
    return FrameWriter.write(frame, state.probabilities());
  }
}
