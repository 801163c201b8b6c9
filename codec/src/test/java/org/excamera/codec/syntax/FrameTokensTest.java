package org.excamera.codec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading the tokens row by row ({@link FrameTokens}, the decoder's path) gives, for each row just
 * read, the same block ends, the same {@code hasTokens} and the same coefficients before every
 * block's end as parsing the whole frame ({@link FrameParser#parse}), on every frame of the 61
 * vectors; rows read earlier keep their ends and {@code hasTokens}.
 */
class FrameTokensTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.excamera.codec.testing.TestVectors#all")
  void rowByRowMatchesTheWholeFrame(TestVector vector) {
    DecoderState state = DecoderState.initial();
    for (int i = 0; i < vector.frameCount(); i++) {
      CompressedFrame frame = vector.frame(i);
      byte[] data = frame.toByteArray();
      ParsedFrame whole = Vp8Decoder.parse(state, frame);
      FrameTokens tokens =
          FrameParser.parseModes(
              data,
              0,
              data.length,
              state.probabilities(),
              state.segmentation(),
              state.dimensions());
      Residuals expected = whole.residuals();
      Residuals rows = tokens.frame().residuals();
      MacroblockModes modes = whole.modes();
      int cols = modes.mbCols();
      for (int row = 0; row < modes.mbRows(); row++) {
        tokens.readRow(row);
        for (int mb = row * cols; mb < (row + 1) * cols; mb++) {
          String where = "%s record %d macroblock %d".formatted(vector.name(), i + 1, mb);
          assertEquals(expected.hasTokens(mb), rows.hasTokens(mb), where);
          for (int b = 0; b < Residuals.BLOCKS; b++) {
            int end = expected.end(mb, b);
            assertEquals(end, rows.end(mb, b), where + " block " + b);
            int first = b < 16 && modes.hasY2(mb) ? 1 : 0;
            for (int pos = first; pos < end; pos++) {
              assertEquals(
                  expected.coefficient(mb, b, pos),
                  rows.coefficient(mb, b, pos),
                  where + " block " + b + " position " + pos);
            }
          }
        }
      }
      for (int mb = 0; mb < modes.count(); mb++) {
        assertEquals(expected.hasTokens(mb), rows.hasTokens(mb), vector.name() + " mb " + mb);
      }
      state = Vp8Decoder.reconstruct(state, whole).next();
    }
  }
}
