package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.recon.Reconstruction;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebase as values: the encoder's reconstruction is the decoder's, quality holds. */
/** Rebase as values: the encoder's reconstruction is the decoder's, and quality holds. */
class FrameRebaserTest {
  @TempDir Path dir;

  @Test
  void rebaseOntoOwnStateMatchesDecoderReconstruction() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 0, 6);
    Path ivf =
        VpxChunks.vpxenc(VpxChunks.writeY4m(raw, dir.resolve("c.y4m")), 32, dir.resolve("c.ivf"));
    List<byte[]> frames = VpxChunks.ivfFrames(ivf);
    Dimensions dims = new Dimensions(raw.get(0).width(), raw.get(0).height());
    DecoderState state = DecoderState.initial(dims);
    for (int i = 0; i < frames.size(); i++) {
      CompressedFrame f = CompressedFrame.of(frames.get(i));
      DecodeResult r = Vp8Decoder.decode(state, f);
      if (i > 0) {
        ParsedFrame parsed = Vp8Decoder.parse(state, f);
        Picture target = Picture.fromI420(dims, raw.get(i).toI420());
        FrameRebaser.Result rb = FrameRebaser.rebase(state, parsed, target, false);
        PictureBuilder canvas = PictureBuilder.blank(dims);
        Segmentation seg =
            state.segmentation().updatedBy(rb.frame().header().segmentation(), false);
        Reconstruction.run(rb.frame(), seg, state.references(), canvas);
        assertEquals(canvas.freeze(), rb.reconstruction(), "frame " + i);
        DecodeResult mine = Vp8Decoder.reconstruct(state, rb.frame());
        double psnrOrig = Psnr.frame(raw.get(i), toRaw(r.picture()));
        double psnrMine = Psnr.frame(raw.get(i), toRaw(mine.picture()));
        System.out.printf(
            "rebase onto own state, frame %d: vpxenc %.3f dB, rebased %.3f dB%n",
            i, psnrOrig, psnrMine);
        assertTrue(
            psnrMine > psnrOrig - 0.5,
            "frame %d: rebased %.3f dB, vpxenc %.3f dB".formatted(i, psnrMine, psnrOrig));
        for (int mb = 0; mb < parsed.modes().count(); mb++) {
          assertEquals(parsed.modes().yMode(mb), rb.frame().modes().yMode(mb));
          assertEquals(parsed.modes().mv(mb), rb.frame().modes().mv(mb));
        }
      }
      state = r.next();
    }
  }

  static RawFrame toRaw(Picture p) {
    return RawFrame.fromI420(p.width(), p.height(), p.toI420());
  }
}
