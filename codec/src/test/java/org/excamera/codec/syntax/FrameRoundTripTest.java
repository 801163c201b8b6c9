package org.excamera.codec.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parse then write, with the probabilities of the state each frame is decoded against, gives back
 * every conformance frame byte for byte (all 61 vectors, every frame), and parsing the written
 * bytes gives the same parsed frame.
 */
class FrameRoundTripTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.excamera.codec.testing.TestVectors#all")
  void parseThenWriteReproducesEveryFrame(TestVector vector) {
    DecoderState state = DecoderState.initial();
    for (int i = 0; i < vector.frameCount(); i++) {
      CompressedFrame frame = vector.frame(i);
      ParsedFrame parsed = Vp8Decoder.parse(state, frame);
      byte[] written = FrameWriter.write(parsed, state.probabilities());
      String where = vector.name() + " record " + (i + 1);
      assertArrayEquals(frame.toByteArray(), written, where);
      assertEquals(parsed, Vp8Decoder.parse(state, CompressedFrame.of(written)), where);
      state = Vp8Decoder.reconstruct(state, parsed).next();
    }
  }
}
