package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.EncoderSettings;
import org.excamera.codec.UnsupportedFeatureException;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkReencoderTest {
  @TempDir Path dir;

  private static final ChunkReencoder.KeyFrameReplacement NO_REPLACEMENT =
      (s, t, q) -> {
        throw new UnsupportedFeatureException("no key frame replacement in this test");
      };

  @Test
  void rebasesEveryInterframeOntoTheStateTheLastOneLeft() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 10, 6);
    Path y4m = VpxChunks.writeY4m(raw, dir.resolve("c.y4m"));
    List<CompressedFrame> coarse = frames(VpxChunks.vpxenc(y4m, 40, dir.resolve("a.ivf")));
    List<CompressedFrame> fine = frames(VpxChunks.vpxenc(y4m, 16, dir.resolve("b.ivf")));
    Dimensions dims = new Dimensions(352, 288);
    DecoderState predState = Vp8Decoder.decode(DecoderState.initial(dims), coarse.get(0)).next();
    DecoderState state = Vp8Decoder.decode(DecoderState.initial(dims), fine.get(0)).next();
    ChunkReencoder.Output out =
        ChunkReencoder.run(
            state,
            predState,
            coarse.subList(1, coarse.size()),
            raw.subList(1, raw.size()),
            0.75,
            NO_REPLACEMENT);
    assertEquals(5, out.frames().size());
    DecoderState s = state;
    for (CompressedFrame f : out.frames()) {
      assertTrue(!f.isKeyFrame());
      s = Vp8Decoder.decode(s, f).next();
    }
    assertEquals(s.digest(), out.finalState().digest());
    assertEquals(out.finalState().references().last(), out.finalState().references().golden());
    assertEquals(out.finalState().references().last(), out.finalState().references().altref());
    assertThrows(
        UnsupportedFeatureException.class,
        () ->
            ChunkReencoder.run(
                state, DecoderState.initial(dims), coarse, raw, 0.75, NO_REPLACEMENT));
    assertThrows(
        IllegalArgumentException.class,
        () -> ChunkReencoder.run(state, predState, coarse.subList(1, 3), raw, 0.75, NO_REPLACEMENT),
        "fewer PRED frames than raw frames");
  }

  /**
   * A PRED with hidden alt-ref frames (vpxenc with lag): every record is re-encoded in order,
   * hidden ones with their own picture as the target, so shown frames stay aligned with the raw
   * frames; the stream after a predecessor chunk plays in vpxdec as in our decoder.
   */
  @Test
  void hiddenFramesKeepTheRawFramesAligned() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 0, 24);
    Path before = VpxChunks.writeY4m(raw.subList(0, 4), dir.resolve("before.y4m"));
    Path chunk = VpxChunks.writeY4m(raw.subList(4, 24), dir.resolve("chunk.y4m"));
    List<CompressedFrame> first = frames(VpxChunks.vpxenc(before, 32, dir.resolve("v0.ivf")));
    List<CompressedFrame> pred =
        frames(
            VpxChunks.vpxenc(
                chunk, 32, dir.resolve("v1.ivf"), "--lag-in-frames=16", "--auto-alt-ref=1"));
    DecoderState p = DecoderState.initial();
    int hidden = 0;
    for (CompressedFrame f : pred) {
      org.excamera.codec.DecodeResult r = Vp8Decoder.decode(p, f);
      hidden += r.shown() ? 0 : 1;
      p = r.next();
    }
    assertTrue(hidden > 0, "vpxenc with lag made no hidden frame");
    DecoderState s = DecoderState.initial();
    List<String> ours = new ArrayList<>();
    List<CompressedFrame> joined = new ArrayList<>(first);
    for (CompressedFrame f : first) {
      org.excamera.codec.DecodeResult r = Vp8Decoder.decode(s, f);
      ours.add(org.excamera.codec.picture.I420Digest.md5(r.picture()));
      s = r.next();
    }
    ChunkReencoder.Output out =
        ChunkReencoder.run(s, DecoderState.initial(), pred, raw.subList(4, 24), 0.75);
    int shown = 0;
    for (CompressedFrame f : out.frames()) {
      org.excamera.codec.DecodeResult r = Vp8Decoder.decode(s, f);
      if (r.shown()) {
        shown++;
        ours.add(org.excamera.codec.picture.I420Digest.md5(r.picture()));
      }
      joined.add(f);
      s = r.next();
    }
    assertEquals(20, shown);
    assertEquals(s.digest(), out.finalState().digest());
    Path ivf = dir.resolve("joined.ivf");
    try (org.excamera.codec.io.IvfWriter w =
        org.excamera.codec.io.IvfWriter.create(
            ivf, org.excamera.codec.io.IvfHeader.vp8(352, 288, 30000, 1001, 0))) {
      for (int i = 0; i < joined.size(); i++) {
        w.write(i, joined.get(i).toByteArray());
      }
    }
    assertEquals(ours, VpxChunks.vpxdecMd5s(ivf));
  }

  @Test
  void replacedKeyFrameQuantizerBlendsWithTheNextFrame() {
    QuantIndices key = QuantIndices.of(20);
    assertEquals(25, blend(key, 40, 0.75));
    assertEquals(20, blend(key, 40, 1.0));
    assertEquals(40, blend(key, 40, 0.0));
    assertEquals(25, blend(key, 29, 0.5), "24.5 rounds up");
  }

  private static int blend(QuantIndices key, int next, double weight) {
    return EncoderSettings.replacingKeyFrame(key, next, weight).quantIndices().yAcQi();
  }

  private static List<CompressedFrame> frames(Path ivf) throws IOException {
    List<CompressedFrame> out = new ArrayList<>();
    for (byte[] f : VpxChunks.ivfFrames(ivf)) {
      out.add(CompressedFrame.of(f));
    }
    return out;
  }
}
