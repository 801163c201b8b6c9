package org.excamera.worker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.testing.ExternalTool;
import org.excamera.worker.port.StitchCodec;
import org.excamera.worker.testing.SyntheticY4m;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three vpxenc chunks stitched the way a batch does it (design §2): position 1 by
 * encode-given-state on chunk 0's S_vpx, position 2 by pass 1 on chunk 1's S_vpx and then rebase
 * onto chunk 1's S_out. The joined stream has one key frame, and decoding it gives exactly the
 * final state the last stage reported.
 */
class CodecStitchCodecTest {
  @TempDir Path dir;

  @Test
  void aStitchedBatchDecodesToTheStatesItsStagesReport() throws Exception {
    VpxencEncoder vpxenc = new VpxencEncoder(ExternalTool.require("vpxenc"));
    CodecStitchCodec codec = new CodecStitchCodec();
    List<byte[]> raw = new ArrayList<>();
    List<byte[]> vpx = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      Path chunk = dir.resolve("raw" + c + ".y4m");
      SyntheticY4m.write(chunk, 64, 48, 3);
      raw.add(Files.readAllBytes(chunk));
      Path work = Files.createDirectory(dir.resolve("w" + c));
      vpx.add(vpxenc.encode(chunk, 32, work));
    }
    byte[] vpx0 = codec.finalState(vpx.get(0));
    byte[] vpx1 = codec.finalState(vpx.get(1));
    StitchCodec.Stitched p1 = codec.encodeGivenState(vpx.get(1), vpx0, raw.get(1));
    StitchCodec.Stitched pass1of2 = codec.encodeGivenState(vpx.get(2), vpx1, raw.get(2));
    StitchCodec.Stitched r2 = codec.rebase(pass1of2.ivf(), vpx1, p1.finalState(), raw.get(2));
    byte[] joined = concat(vpx.get(0), p1.ivf(), r2.ivf());
    DecoderState s = DecoderState.initial();
    int frames = 0;
    int keys = 0;
    try (IvfReader r = new IvfReader(new ByteArrayInputStream(joined))) {
      for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
        keys += FrameTag.isKeyFrame(f.get().data()) ? 1 : 0;
        s = Vp8Decoder.decode(s, CompressedFrame.of(f.get().data())).next();
        frames++;
        if (frames == 6) {
          assertEquals(codec.digest(p1.finalState()), s.digest(), "S_out of position 1");
        }
      }
    }
    assertEquals(9, frames);
    assertEquals(1, keys);
    assertEquals(codec.digest(r2.finalState()), s.digest(), "S_out of position 2");
  }

  private static byte[] concat(byte[]... ivfs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long pts = 0;
    IvfWriter w = null;
    for (byte[] ivf : ivfs) {
      try (IvfReader r = new IvfReader(new ByteArrayInputStream(ivf))) {
        if (w == null) {
          w = IvfWriter.to(out, r.header().withFrameCount(9));
        }
        for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
          w.write(pts++, f.get().data());
        }
      }
    }
    if (w != null) {
      w.close();
    }
    return out.toByteArray();
  }
}
