package org.excamera.codec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every VP8 conformance vector decodes bit-exactly: for each shown frame the md5 line (digest,
 * display size and record number) equals the one in its {@code .ivf.md5}, which libvpx made.
 */
class ConformanceTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.excamera.codec.testing.TestVectors#all")
  void decodesBitExactly(TestVector vector) {
    DecoderState state = DecoderState.initial();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < vector.frameCount(); i++) {
      DecodeResult r = Vp8Decoder.decode(state, vector.frame(i));
      if (r.shown()) {
        lines.add(I420Digest.conformanceLine(vector.name(), r.picture(), i + 1));
        int n = lines.size() - 1;
        if (n < vector.md5().size()) {
          assertEquals(vector.md5().get(n), lines.get(n), vector.name() + " record " + (i + 1));
        }
      }
      state = r.next();
    }
    assertEquals(vector.md5(), lines, vector.name() + ": shown frames");
  }
}
