package org.excamera.codec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.testing.TestVectors;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splitting a decode at any frame through a serialized state changes nothing: for every vector and
 * every k, the state after [0, k) survives serialization (equal, same digest) and decoding frame k
 * from the deserialized state gives the same picture and the same next state as the straight
 * decode; since equal states decode identically, [k, n) then matches too. For a few vectors the
 * whole tail [k, n) is decoded from every split point and compared by md5.
 */
class StateSplitIT {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.excamera.codec.testing.TestVectors#all")
  void everySplitPointResumesExactly(TestVector v) {
    DecoderState state = DecoderState.initial();
    for (int k = 0; k < v.frameCount(); k++) {
      DecoderState restored = DecoderState.deserialize(state.serialize());
      assertEquals(state, restored, v.name() + " state before record " + (k + 1));
      assertEquals(state.digest(), restored.digest(), v.name() + " digest " + (k + 1));
      DecodeResult straight = Vp8Decoder.decode(state, v.frame(k));
      DecodeResult resumed = Vp8Decoder.decode(restored, v.frame(k));
      assertEquals(
          I420Digest.md5(straight.picture()),
          I420Digest.md5(resumed.picture()),
          v.name() + " record " + (k + 1));
      assertEquals(straight.next(), resumed.next(), v.name() + " state after " + (k + 1));
      state = straight.next();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "vp80-00-comprehensive-007",
        "vp80-05-sharpness-1439",
        "vp80-03-segmentation-1436"
      })
  void wholeTailsFromEverySplitPointMatch(String name) {
    TestVector v = TestVectors.named(name);
    List<String> straight = tail(v, 0, DecoderState.initial());
    DecoderState state = DecoderState.initial();
    for (int k = 1; k < v.frameCount(); k++) {
      state = Vp8Decoder.decode(state, v.frame(k - 1)).next();
      DecoderState restored = DecoderState.deserialize(state.serialize());
      List<String> fromK = tail(v, k, restored);
      assertEquals(straight.subList(straight.size() - fromK.size(), straight.size()), fromK, name);
    }
  }

  private static List<String> tail(TestVector v, int k, DecoderState state) {
    List<String> md5 = new ArrayList<>();
    for (int i = k; i < v.frameCount(); i++) {
      DecodeResult r = Vp8Decoder.decode(state, v.frame(i));
      md5.add(I420Digest.md5(r.picture()));
      state = r.next();
    }
    return md5;
  }
}
