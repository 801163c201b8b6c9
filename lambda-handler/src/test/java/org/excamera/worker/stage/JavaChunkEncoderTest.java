package org.excamera.worker.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.excamera.worker.testing.SyntheticY4m;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaChunkEncoderTest {
  @TempDir Path dir;

  @Test
  void encodesAChunkToAKeyFrameAndShownInterframesReproducibly() throws Exception {
    Path raw = SyntheticY4m.write(dir.resolve("raw.y4m"), 64, 48, 3);
    JavaChunkEncoder encoder = new JavaChunkEncoder();
    byte[] ivf = encoder.encode(raw, 32, dir);
    assertArrayEquals(ivf, encoder.encode(raw, 32, dir), "deterministic");
    IvfSummary s = IvfSummary.of(ivf, "java chunk").requireFrames(3, "java chunk");
    assertTrue(s.startsWithKeyFrame());
    assertEquals(1, s.keyFrames());
    new CodecStitchCodec().finalState(ivf); // decodes with the project's decoder
  }
}
