package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopFilterSearchTest {
  private static final long SEED = 0x5EED_0102L;

  @TempDir Path dir;

  @Test
  void blockSumSsimEqualsTheWindowSsim() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 30; trial++) {
      int w = 8 + random.nextInt(60);
      int h = 8 + random.nextInt(60);
      byte[] a = new byte[w * h * 3];
      byte[] b = new byte[w * h * 3];
      random.nextBytes(a);
      for (int i = 0; i < b.length; i++) {
        // Correlated with a, so that windows are neither identical nor unrelated.
        b[i] = (byte) Math.max(0, Math.min(255, (a[i] & 0xFF) + random.nextInt(41) - 20));
      }
      Dimensions d = new Dimensions(w, h);
      int chroma = d.chromaWidth() * d.chromaHeight();
      Picture pa = Picture.fromI420(d, java.util.Arrays.copyOf(a, w * h + 2 * chroma));
      Picture pb = Picture.fromI420(d, java.util.Arrays.copyOf(b, w * h + 2 * chroma));
      double expected =
          Ssim.plane(
              pa.y().samplesUnsafe(),
              pa.y().origin(),
              pa.y().stride(),
              pb.y().samplesUnsafe(),
              pb.y().origin(),
              pb.y().stride(),
              w,
              h);
      assertEquals(
          expected,
          new BlockSsim(pb.y(), w, h).measure(pa.y()),
          "seed %x trial %d (%dx%d)".formatted(SEED, trial, w, h));
    }
  }

  /** On a real vpxenc interframe, the search finds the level an exhaustive search finds. */
  @Test
  void searchFindsTheBestLevelOfAnExhaustiveSearch() throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames("foreman_cif_352x288_96f.y4m", 0, 3);
    Path ivf =
        VpxChunks.vpxenc(VpxChunks.writeY4m(raw, dir.resolve("c.y4m")), 40, dir.resolve("c.ivf"));
    List<byte[]> frames = VpxChunks.ivfFrames(ivf);
    Dimensions dims = new Dimensions(raw.get(0).width(), raw.get(0).height());
    DecoderState state =
        Vp8Decoder.decode(DecoderState.initial(dims), CompressedFrame.of(frames.get(0))).next();
    ParsedFrame frame = Vp8Decoder.parse(state, CompressedFrame.of(frames.get(1)));
    ParsedFrame unfilteredFrame =
        frame.withHeader(
            frame.header().withLoopFilter(frame.header().loopFilter().withLoopFilterLevel(0)));
    DecodeResult unfiltered = Vp8Decoder.reconstruct(state, unfilteredFrame);
    Picture target = Picture.fromI420(dims, raw.get(1).toI420());
    var segmentation = state.segmentation().updatedBy(frame.header().segmentation(), false);
    var adjustments =
        state.filterAdjustments().updatedBy(frame.header().loopFilter().deltas(), false);
    LoopFilterSearch search =
        new LoopFilterSearch(frame, segmentation, adjustments, unfiltered.picture(), target);
    int exhaustive = 0;
    for (int level = 1; level < 64; level++) {
      if (search.ssim(level) > search.ssim(exhaustive)) {
        exhaustive = level;
      }
    }
    int found =
        search.bestLevel(LoopFilterSearch.startingLevel(frame.header().quantIndices().yAcQi()));
    System.out.printf(
        "loop filter search: vpxenc level %d, best by SSIM %d (%.5f), found %d (%.5f)%n",
        frame.header().loopFilter().loopFilterLevel(),
        exhaustive,
        search.ssim(exhaustive),
        found,
        search.ssim(found));
    assertTrue(search.ssim(found) >= search.ssim(exhaustive) - 1e-4, "found " + found);
    // The filtered picture of the frame's own level is the decoder's picture.
    int own = frame.header().loopFilter().loopFilterLevel();
    assertEquals(Vp8Decoder.reconstruct(state, frame).picture(), search.filtered(own));
    assertEquals(
        LoopFilterSearch.frameSsim(search.filtered(found), target), search.ssim(found), 1e-12);
  }
}
