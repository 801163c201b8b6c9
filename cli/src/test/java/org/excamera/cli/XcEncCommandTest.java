package org.excamera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XcEncCommandTest {
  @TempDir Path dir;

  @Test
  void rebasesAPredictionStreamOntoAStateAndWritesTheFinalState() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 0, 4);
    Path all = VpxChunks.writeY4m(raw, dir.resolve("all.y4m"));
    List<byte[]> coarse = VpxChunks.ivfFrames(VpxChunks.vpxenc(all, 40, dir.resolve("a.ivf")));
    List<byte[]> fine = VpxChunks.ivfFrames(VpxChunks.vpxenc(all, 20, dir.resolve("b.ivf")));
    Dimensions dims = new Dimensions(352, 288);
    DecoderState s0 =
        Vp8Decoder.decode(DecoderState.initial(dims), CompressedFrame.of(coarse.get(0))).next();
    DecoderState s =
        Vp8Decoder.decode(DecoderState.initial(dims), CompressedFrame.of(fine.get(0))).next();
    Path pred = dir.resolve("pred.ivf");
    try (IvfWriter w = IvfWriter.create(pred, IvfHeader.vp8(352, 288, 30000, 1001, 0))) {
      for (int i = 1; i < coarse.size(); i++) {
        w.write(i, coarse.get(i));
      }
    }
    Files.write(dir.resolve("s0"), s0.serialize());
    Files.write(dir.resolve("s"), s.serialize());
    VpxChunks.writeY4m(raw.subList(1, raw.size()), dir.resolve("chunk.y4m"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "xc-enc",
            "--raw",
            dir.resolve("chunk.y4m").toString(),
            "--pred",
            pred.toString(),
            "--pred-state",
            dir.resolve("s0").toString(),
            "--state",
            dir.resolve("s").toString(),
            "-o",
            dir.resolve("out.ivf").toString(),
            "--state-out",
            dir.resolve("s2").toString());
    assertEquals(0, code, err.toString());
    List<IvfFrame> produced = IvfReader.readAll(dir.resolve("out.ivf"));
    assertEquals(3, produced.size());
    DecoderState state = s;
    for (int i = 0; i < produced.size(); i++) {
      assertEquals(i + 1, produced.get(i).pts(), "timestamps follow PRED");
      state = Vp8Decoder.decode(state, CompressedFrame.of(produced.get(i).data())).next();
    }
    assertArrayEquals(state.serialize(), Files.readAllBytes(dir.resolve("s2")));
    assertTrue(out.toString().contains("3 frames"), out.toString());
  }

  /**
   * A position-1 chunk (design §2): PRED is the chunk's own vpxenc output, S the predecessor's
   * vpxenc state. The key frame becomes an interframe; predecessor + output plays in vpxdec with
   * one key frame and the same pictures as in our decoder.
   */
  @Test
  void replacesTheLeadingKeyFrameAndTheStreamPlaysInVpxdec() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 0, 6);
    Path first = VpxChunks.writeY4m(raw.subList(0, 3), dir.resolve("c0.y4m"));
    Path second = VpxChunks.writeY4m(raw.subList(3, 6), dir.resolve("c1.y4m"));
    Path v0 = VpxChunks.vpxenc(first, 32, dir.resolve("v0.ivf"));
    Path v1 = VpxChunks.vpxenc(second, 32, dir.resolve("v1.ivf"));
    DecoderState s = DecoderState.initial();
    List<String> ours = new java.util.ArrayList<>();
    List<byte[]> joined = new java.util.ArrayList<>();
    for (byte[] f : VpxChunks.ivfFrames(v0)) {
      org.excamera.codec.DecodeResult r = Vp8Decoder.decode(s, CompressedFrame.of(f));
      ours.add(org.excamera.codec.picture.I420Digest.md5(r.picture()));
      joined.add(f);
      s = r.next();
    }
    Files.write(dir.resolve("s"), s.serialize());
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "xc-enc",
            "--raw",
            second.toString(),
            "--pred",
            v1.toString(),
            "--state",
            dir.resolve("s").toString(),
            "-o",
            dir.resolve("out.ivf").toString(),
            "--state-out",
            dir.resolve("s2").toString());
    assertEquals(0, code, err.toString());
    List<IvfFrame> produced = IvfReader.readAll(dir.resolve("out.ivf"));
    assertEquals(3, produced.size());
    assertTrue(
        produced.get(0).size() < VpxChunks.ivfFrames(v1).get(0).length,
        "the replacement is smaller than the key frame");
    for (IvfFrame f : produced) {
      assertTrue(!CompressedFrame.of(f.data()).isKeyFrame());
      org.excamera.codec.DecodeResult r = Vp8Decoder.decode(s, CompressedFrame.of(f.data()));
      ours.add(org.excamera.codec.picture.I420Digest.md5(r.picture()));
      joined.add(f.data());
      s = r.next();
    }
    assertArrayEquals(s.serialize(), Files.readAllBytes(dir.resolve("s2")));
    Path stream = dir.resolve("joined.ivf");
    try (IvfWriter w = IvfWriter.create(stream, IvfHeader.vp8(352, 288, 30000, 1001, 0))) {
      for (int i = 0; i < joined.size(); i++) {
        w.write(i, joined.get(i));
      }
    }
    assertEquals(ours, VpxChunks.vpxdecMd5s(stream));
  }
}
