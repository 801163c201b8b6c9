package org.excamera.codec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.testing.TestVectors;
import org.excamera.codec.testing.TestVectors.TestVector;
import org.junit.jupiter.api.Test;

/**
 * The decoder keeps no state of its own: decoding several streams at once on several threads, and
 * the same stream twice from one shared state, gives the conformance md5s.
 */
class ConcurrentDecodeTest {
  private static List<String> decode(TestVector v, DecoderState from, int start) {
    List<String> lines = new ArrayList<>();
    DecoderState s = from;
    for (int i = start; i < v.frameCount(); i++) {
      DecodeResult r = Vp8Decoder.decode(s, v.frame(i));
      if (r.shown()) {
        lines.add(I420Digest.conformanceLine(v.name(), r.picture(), i + 1));
      }
      s = r.next();
    }
    return lines;
  }

  @Test
  void streamsDecodeConcurrently() throws Exception {
    List<TestVector> vectors =
        List.of(
            TestVectors.named("vp80-00-comprehensive-007"),
            TestVectors.named("vp80-02-inter-1418"),
            TestVectors.named("vp80-03-segmentation-1436"),
            TestVectors.named("vp80-05-sharpness-1438"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (TestVector v : vectors) {
        results.add(pool.submit(() -> decode(v, DecoderState.initial(), 0)));
      }
      // two threads continue the same stream from one shared intermediate state
      TestVector shared = vectors.get(1);
      DecoderState mid = DecoderState.initial();
      for (int i = 0; i < 50; i++) {
        mid = Vp8Decoder.decode(mid, shared.frame(i)).next();
      }
      DecoderState from = mid;
      Future<List<String>> a = pool.submit(() -> decode(shared, from, 50));
      Future<List<String>> b = pool.submit(() -> decode(shared, from, 50));
      for (int i = 0; i < vectors.size(); i++) {
        assertEquals(vectors.get(i).md5(), results.get(i).get(), vectors.get(i).name());
      }
      List<String> tail = shared.md5().subList(50, shared.md5().size());
      assertEquals(tail, a.get());
      assertEquals(tail, b.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
