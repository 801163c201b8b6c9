package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.header.ReferenceUpdates;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;
import org.excamera.codec.tables.ModeTables;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder as values: the reconstruction it predicts from is the decoder's, the header is the
 * one design §4.1 asks for, and the same input gives the same frame.
 */
class FrameEncoderTest {
  private static final String CLIP = "foreman_cif_352x288_96f.y4m";

  @TempDir static Path dir;

  private static List<RawFrame> raw;
  private static Dimensions dims;
  private static DecoderState afterKeyFrame;

  @BeforeAll
  static void vpxencKeyFrame() throws IOException {
    raw = VpxChunks.rawFrames(CLIP, 0, 2);
    Path ivf =
        VpxChunks.vpxenc(VpxChunks.writeY4m(raw, dir.resolve("c.y4m")), 32, dir.resolve("c.ivf"));
    dims = new Dimensions(raw.get(0).width(), raw.get(0).height());
    afterKeyFrame =
        Vp8Decoder.decode(
                DecoderState.initial(dims), CompressedFrame.of(VpxChunks.ivfFrames(ivf).get(0)))
            .next();
  }

  private static FrameEncoder.Encoded interframe(int q) {
    DecoderState s = afterKeyFrame;
    return FrameEncoder.interframe(
        s.probabilities(),
        s.segmentation(),
        s.filterAdjustments(),
        s.references(),
        Picture.fromI420(dims, raw.get(1).toI420()),
        QuantIndices.of(q),
        RateDistortion.DEFAULT_LAMBDA_FACTOR);
  }

  private static ParsedFrame withoutLoopFilter(ParsedFrame f) {
    FrameHeader h = f.header();
    return f.withHeader(h.withLoopFilter(h.loopFilter().withLoopFilterLevel(0)));
  }

  @Test
  void interframeReconstructionIsTheDecoders() {
    FrameEncoder.Encoded e = interframe(24);
    Picture decoded = Vp8Decoder.reconstruct(afterKeyFrame, withoutLoopFilter(e.frame())).picture();
    assertEquals(decoded, e.unfiltered());
    double psnr =
        Psnr.frame(raw.get(1), RawFrame.fromI420(dims.width(), dims.height(), decoded.toI420()));
    assertTrue(psnr > 38, "PSNR of the unfiltered reconstruction at q 24: " + psnr);
  }

  @Test
  void interframeHeaderIsTheDesignsAndPredictsFromLastOnly() {
    ParsedFrame f = interframe(24).frame();
    FrameHeader h = f.header();
    assertFalse(h.keyFrame());
    assertTrue(h.tag().showFrame());
    assertEquals(ReferenceUpdates.REFRESH_ALL, h.referenceUpdates());
    assertTrue(h.refreshEntropyProbs());
    assertFalse(h.segmentation().segmentationEnabled());
    assertEquals(0, h.loopFilter().filterType());
    assertEquals(0, h.loopFilter().sharpnessLevel());
    assertEquals(24, h.quantIndices().yAcQi());
    assertEquals(List.of(boxed(ModeTables.defaultYModeProbs())), h.interProbs().intra16x16Probs());
    assertEquals(
        List.of(boxed(ModeTables.defaultUvModeProbs())), h.interProbs().intraChromaProbs());
    MacroblockModes m = f.modes();
    int inter = 0;
    for (int mb = 0; mb < m.count(); mb++) {
      int ref = m.refFrame(mb);
      assertTrue(ref == ReferenceFrame.INTRA_FRAME || ref == ReferenceFrame.LAST_FRAME);
      assertTrue(m.yMode(mb) != PredictionMode.SPLITMV);
      inter += ref == ReferenceFrame.LAST_FRAME ? 1 : 0;
    }
    assertTrue(inter > m.count() / 2, "inter macroblocks: " + inter + " of " + m.count());
  }

  @Test
  void sameInputGivesTheSameFrame() {
    assertEquals(interframe(30).frame(), interframe(30).frame());
  }

  @Test
  void keyFrameReconstructionIsTheDecoders() {
    FrameEncoder.Encoded e =
        FrameEncoder.keyFrame(
            Picture.fromI420(dims, raw.get(0).toI420()),
            QuantIndices.of(40),
            RateDistortion.DEFAULT_LAMBDA_FACTOR);
    assertTrue(e.frame().header().keyFrame());
    Picture decoded =
        Vp8Decoder.reconstruct(DecoderState.initial(dims), withoutLoopFilter(e.frame())).picture();
    assertEquals(decoded, e.unfiltered());
  }

  private static Integer[] boxed(int[] v) {
    Integer[] out = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
