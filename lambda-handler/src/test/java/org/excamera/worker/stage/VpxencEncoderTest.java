package org.excamera.worker.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.excamera.codec.testing.ExternalTool;
import org.excamera.worker.testing.SyntheticY4m;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VpxencEncoderTest {
  @TempDir Path dir;

  @Test
  void encodesAChunkToAKeyFrameAndInterframesReproducibly() throws Exception {
    VpxencEncoder vpxenc = new VpxencEncoder(ExternalTool.require("vpxenc"));
    Path raw = SyntheticY4m.write(dir.resolve("raw.y4m"), 64, 48, 6);
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    byte[] first = vpxenc.encode(raw, 32, a);
    byte[] second = vpxenc.encode(raw, 32, b);
    assertArrayEquals(first, second, "vpxenc with --threads=1 must be deterministic");
    IvfSummary s = IvfSummary.of(first, "vpxenc output").requireFrames(6, "vpxenc output");
    assertTrue(s.startsWithKeyFrame());
    assertEquals(1, s.keyFrames());
  }

  @Test
  void usesTheDesignsFlags() {
    String args = String.join(" ", VpxencEncoder.arguments(20, Path.of("in"), Path.of("out")));
    assertTrue(
        args.contains(
            "--good --cpu-used=0 --end-usage=cq --min-q=0 --max-q=63 --cq-level=20"
                + " --buf-initial-sz=10000 --buf-optimal-sz=20000 --buf-sz=40000"
                + " --undershoot-pct=100 --passes=2 --auto-alt-ref=1 --threads=1 --token-parts=0"
                + " --tune=ssim --target-bitrate=4294967295"),
        args);
  }
}
