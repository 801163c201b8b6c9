package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java chunk encoder (issue 4, item 5): a stream any VP8 decoder plays, one frame per input.
 */
class ChunkEncoderTest {
  @TempDir Path dir;

  /** Writes frames as an IVF file at 30000/1001 fps. */
  static Path writeIvf(List<CompressedFrame> frames, RawFrame size, Path file) throws IOException {
    try (IvfWriter w =
        IvfWriter.create(file, IvfHeader.vp8(size.width(), size.height(), 30000, 1001, 0))) {
      for (int i = 0; i < frames.size(); i++) {
        w.write(i, frames.get(i).toByteArray());
      }
    }
    return file;
  }

  @Test
  void chunkPlaysInVpxdecOneShownFramePerRawFrame() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("stream_of_water_480x360_48f.y4m", 0, 4);
    ChunkEncoder.Output out = ChunkEncoder.encode(raw, ChunkEncoder.Settings.ofQuality(40));
    assertEquals(raw.size(), out.frames().size());
    assertTrue(out.frames().get(0).isKeyFrame());
    List<String> ours = new ArrayList<>();
    DecoderState s = DecoderState.initial();
    for (int i = 0; i < raw.size(); i++) {
      assertEquals(i == 0, out.frames().get(i).isKeyFrame(), "frame " + i);
      DecodeResult d = Vp8Decoder.decode(s, out.frames().get(i));
      assertTrue(d.shown());
      ours.add(I420Digest.md5(d.picture()));
      s = d.next();
    }
    assertEquals(out.finalState().digest(), s.digest());
    assertEquals(
        ours, VpxChunks.vpxdecMd5s(writeIvf(out.frames(), raw.get(0), dir.resolve("c.ivf"))));
  }

  @Test
  void settingsFollowTheQualityScale() {
    ChunkEncoder.Settings s = ChunkEncoder.Settings.ofQuality(32);
    assertEquals(43, s.interQIndex());
    assertEquals(17, s.keyFrameQIndex());
    assertFalse(s.lambdaFactor() <= 0);
  }

  @Test
  void badChunksAreRejected() {
    ChunkEncoder.Settings s = ChunkEncoder.Settings.ofQuality(32);
    assertThrows(IllegalArgumentException.class, () -> ChunkEncoder.encode(List.of(), s));
    List<RawFrame> mixed =
        List.of(RawFrame.filled(32, 32, 1, 2, 3), RawFrame.filled(48, 32, 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> ChunkEncoder.encode(mixed, s));
    assertThrows(IllegalArgumentException.class, () -> new ChunkEncoder.Settings(128, 10, 0.01));
  }
}
