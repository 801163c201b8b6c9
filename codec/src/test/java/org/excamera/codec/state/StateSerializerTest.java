package org.excamera.codec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.DecoderState;
import org.excamera.codec.UnsupportedFeatureException;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.testing.TestVectors;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.api.Test;

class StateSerializerTest {
  private static DecoderState decodeAll(TestVector v, int frames) {
    DecoderState s = DecoderState.initial();
    for (int i = 0; i < frames; i++) {
      s = Vp8Decoder.decode(s, v.frame(i)).next();
    }
    return s;
  }

  @Test
  void initialStateRoundTrips() {
    DecoderState s = DecoderState.initial();
    DecoderState back = DecoderState.deserialize(s.serialize());
    assertEquals(s, back);
    assertEquals(s.digest(), back.digest());
  }

  @Test
  void decodedStateRoundTripsWithTheSameDigest() {
    TestVector v = TestVectors.named("vp80-00-comprehensive-010");
    DecoderState s = decodeAll(v, v.frameCount());
    DecoderState back = DecoderState.deserialize(s.serialize());
    assertEquals(s, back);
    assertEquals(s.digest(), back.digest());
    assertTrue(s.segmentation().hasMap(), "this vector leaves a segment map");
  }

  @Test
  void identicalReferencesAreStoredOnce() {
    TestVector v = TestVectors.named("vp80-00-comprehensive-001");
    DecoderState key = decodeAll(v, 1);
    int picture = 176 * 144 * 3 / 2;
    int size = key.serialize().length;
    assertTrue(size > picture && size < picture + 2000, "key frame state size " + size);
  }

  @Test
  void distinctReferencesAreAllStored() {
    // 017 refreshes golden with copies and sign biases; find a state whose references differ.
    TestVector v = TestVectors.named("vp80-00-comprehensive-017");
    DecoderState s = DecoderState.initial();
    boolean found = false;
    for (int i = 0; i < v.frameCount() && !found; i++) {
      s = Vp8Decoder.decode(s, v.frame(i)).next();
      References r = s.references();
      if (!r.last().equals(r.golden())) {
        found = true;
        DecoderState back = DecoderState.deserialize(s.serialize());
        assertEquals(s, back);
        assertTrue(s.serialize().length > 2 * 176 * 144 * 3 / 2);
      }
    }
    assertTrue(found, "no state with distinct last and golden");
  }

  @Test
  void truncatedStatesAreRejected() {
    byte[] data = decodeAll(TestVectors.named("vp80-00-comprehensive-001"), 3).serialize();
    for (int len : new int[] {0, 3, 10, 40, data.length / 2, data.length - 1}) {
      byte[] cut = Arrays.copyOf(data, len);
      assertThrows(CorruptFrameException.class, () -> DecoderState.deserialize(cut), "" + len);
    }
  }

  @Test
  void corruptedStatesAreRejected() {
    byte[] data = decodeAll(TestVectors.named("vp80-00-comprehensive-001"), 3).serialize();
    Random rnd = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] bad = data.clone();
      int at = 8 + rnd.nextInt(bad.length - 8);
      bad[at] ^= (byte) (1 << rnd.nextInt(8));
      assertThrows(
          CorruptFrameException.class, () -> DecoderState.deserialize(bad), "seed 7 byte " + at);
    }
  }

  @Test
  void anotherVersionIsUnsupported() {
    byte[] data = DecoderState.initial().serialize();
    data[5] = 2;
    assertThrows(UnsupportedFeatureException.class, () -> DecoderState.deserialize(data));
    byte[] magic = DecoderState.initial().serialize();
    magic[0] = 'Y';
    assertThrows(CorruptFrameException.class, () -> DecoderState.deserialize(magic));
  }

  @Test
  void differentStatesHaveDifferentDigests() {
    TestVector v = TestVectors.named("vp80-00-comprehensive-001");
    assertNotEquals(decodeAll(v, 2).digest(), decodeAll(v, 3).digest());
  }
}
