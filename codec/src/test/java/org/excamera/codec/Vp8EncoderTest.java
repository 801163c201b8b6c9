package org.excamera.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.encode.Psnr;
import org.excamera.codec.encode.Ssim;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encode-given-state end to end (issue 4, items 3 and 6): ExCamera's replacement of a vpxenc key
 * frame by an interframe coded against the state before it, decoded by our decoder and by vpxdec.
 */
class Vp8EncoderTest {
  private static final String CLIP = "foreman_cif_352x288_96f.y4m";

  @TempDir static Path dir;

  private static List<RawFrame> raw;
  private static List<byte[]> vpx;
  private static DecoderState afterKeyFrame;

  @BeforeAll
  static void vpxencChunk() throws IOException {
    raw = VpxChunks.rawFrames(CLIP, 0, 3);
    Path ivf =
        VpxChunks.vpxenc(VpxChunks.writeY4m(raw, dir.resolve("c.y4m")), 32, dir.resolve("c.ivf"));
    vpx = VpxChunks.ivfFrames(ivf);
    Dimensions dims = new Dimensions(raw.get(0).width(), raw.get(0).height());
    afterKeyFrame =
        Vp8Decoder.decode(DecoderState.initial(dims), CompressedFrame.of(vpx.get(0))).next();
  }

  private static RawFrame toRaw(Picture p) {
    return RawFrame.fromI420(p.width(), p.height(), p.toI420());
  }

  private static EncoderSettings replacement() {
    DecoderState none = DecoderState.initial();
    int keyQ =
        Vp8Decoder.parse(none, CompressedFrame.of(vpx.get(0))).header().quantIndices().yAcQi();
    return EncoderSettings.replacingKeyFrame(
        Vp8Decoder.parse(none, CompressedFrame.of(vpx.get(0))).header().quantIndices(),
        Vp8Decoder.parse(afterKeyFrame, CompressedFrame.of(vpx.get(1)))
            .header()
            .quantIndices()
            .yAcQi(),
        EncoderSettings.DEFAULT_KEY_FRAME_WEIGHT);
  }

  @Test
  void vpxdecDecodesEncodedFramesAsOurDecoderDoes() throws IOException {
    // A real vpxenc key frame, then two frames coded against the states it and they leave.
    List<byte[]> stream = new ArrayList<>(List.of(vpx.get(0)));
    List<String> ours = new ArrayList<>();
    ours.add(
        I420Digest.md5(
            Vp8Decoder.decode(DecoderState.initial(), CompressedFrame.of(vpx.get(0))).picture()));
    DecoderState state = afterKeyFrame;
    for (int i = 1; i < 3; i++) {
      EncodeResult e = Vp8Encoder.encodeInterframe(state, raw.get(i), EncoderSettings.ofQIndex(40));
      DecodeResult d = Vp8Decoder.decode(state, e.frame());
      assertEquals(d.picture(), e.picture(), "frame " + i);
      assertEquals(d.next().digest(), e.next().digest(), "frame " + i);
      stream.add(e.frame().toByteArray());
      ours.add(I420Digest.md5(e.picture()));
      System.out.printf(
          "encode-given-state q40 frame %d: %d bytes, PSNR %.2f dB, SSIM %.3f dB%n",
          i,
          e.frame().length(),
          Psnr.frame(toRaw(e.picture()), raw.get(i)),
          Ssim.toDb(Ssim.frame(toRaw(e.picture()), raw.get(i))));
      state = e.next();
    }
    Path ivf = dir.resolve("ours.ivf");
    try (IvfWriter w =
        IvfWriter.create(
            ivf, IvfHeader.vp8(raw.get(0).width(), raw.get(0).height(), 30000, 1001, 0))) {
      for (int i = 0; i < stream.size(); i++) {
        w.write(i, stream.get(i));
      }
    }
    assertEquals(ours, VpxChunks.vpxdecMd5s(ivf));
  }

  @Test
  void replacementIsSmallerThanTheKeyFrameItReplaces() {
    EncoderSettings settings = replacement();
    EncodeResult e = Vp8Encoder.encodeInterframe(afterKeyFrame, raw.get(1), settings);
    EncodeResult key = Vp8Encoder.encodeKeyFrame(raw.get(1), settings);
    double psnr = Psnr.frame(toRaw(e.picture()), raw.get(1));
    double ssim = Ssim.toDb(Ssim.frame(toRaw(e.picture()), raw.get(1)));
    System.out.printf(
        "replacement of frame 1 at q %d: %d bytes (vpxenc key frame %d, our key frame %d),"
            + " PSNR %.2f dB, SSIM %.3f dB%n",
        settings.quantIndices().yAcQi(),
        e.frame().length(),
        vpx.get(0).length,
        key.frame().length(),
        psnr,
        ssim);
    assertTrue(e.frame().length() < vpx.get(0).length);
    assertTrue(e.frame().length() < key.frame().length());
    assertTrue(psnr > 40, "PSNR " + psnr);
  }

  @Test
  void sameInputsGiveTheSameBytesAndState() {
    EncodeResult a =
        Vp8Encoder.encodeInterframe(afterKeyFrame, raw.get(2), EncoderSettings.ofQIndex(50));
    EncodeResult b =
        Vp8Encoder.encodeInterframe(afterKeyFrame, raw.get(2), EncoderSettings.ofQIndex(50));
    assertArrayEquals(a.frame().toByteArray(), b.frame().toByteArray());
    assertEquals(a.next().digest(), b.next().digest());
  }

  @Test
  void aStateThatDoesNotFitIsRejected() {
    EncoderSettings s = EncoderSettings.ofQIndex(40);
    assertThrows(
        StateMismatchException.class,
        () -> Vp8Encoder.encodeInterframe(DecoderState.initial(), raw.get(1), s));
    assertThrows(
        StateMismatchException.class,
        () ->
            Vp8Encoder.encodeInterframe(
                DecoderState.initial(new Dimensions(352, 288)), raw.get(1), s));
    RawFrame small = RawFrame.filled(176, 144, 100, 128, 128);
    assertThrows(
        StateMismatchException.class, () -> Vp8Encoder.encodeInterframe(afterKeyFrame, small, s));
  }

  @Test
  void qualityLevelsMapToVpxencQuantizerIndices() {
    assertEquals(0, EncoderSettings.ofQuality(0).quantIndices().yAcQi());
    assertEquals(43, EncoderSettings.ofQuality(32).quantIndices().yAcQi());
    assertEquals(70, EncoderSettings.ofQuality(44).quantIndices().yAcQi());
    assertEquals(127, EncoderSettings.ofQuality(63).quantIndices().yAcQi());
    assertThrows(IllegalArgumentException.class, () -> EncoderSettings.ofQuality(64));
    assertThrows(IllegalArgumentException.class, () -> EncoderSettings.ofQIndex(-1));
    assertThrows(
        IllegalArgumentException.class, () -> EncoderSettings.ofQIndex(40).withLambdaFactor(0));
  }

  @Test
  void keyFrameQuantizerBlendFollowsTheDesign() {
    EncoderSettings s =
        EncoderSettings.replacingKeyFrame(
            org.excamera.codec.header.QuantIndices.of(2),
            43,
            EncoderSettings.DEFAULT_KEY_FRAME_WEIGHT);
    assertEquals(12, s.quantIndices().yAcQi()); // round(0.75·2 + 0.25·43) = round(12.25)
    assertEquals(
        31,
        EncoderSettings.replacingKeyFrame(org.excamera.codec.header.QuantIndices.of(20), 64, 0.75)
            .quantIndices()
            .yAcQi()); // round(31.0)
  }

  /** A frame of odd size: the coded area is padded to whole macroblocks, the display is not. */
  @Test
  void oddSizedFramesPlayInVpxdec() throws IOException {
    int w = 175;
    int h = 143;
    List<RawFrame> cropped = new ArrayList<>();
    for (RawFrame f : raw.subList(0, 2)) {
      cropped.add(crop(f, w, h));
    }
    EncodeResult key = Vp8Encoder.encodeKeyFrame(cropped.get(0), EncoderSettings.ofQIndex(30));
    EncodeResult inter =
        Vp8Encoder.encodeInterframe(key.next(), cropped.get(1), EncoderSettings.ofQIndex(40));
    Path ivf = dir.resolve("odd.ivf");
    try (IvfWriter out = IvfWriter.create(ivf, IvfHeader.vp8(w, h, 30000, 1001, 0))) {
      out.write(0, key.frame().toByteArray());
      out.write(1, inter.frame().toByteArray());
    }
    assertEquals(
        List.of(I420Digest.md5(key.picture()), I420Digest.md5(inter.picture())),
        VpxChunks.vpxdecMd5s(ivf));
    assertTrue(Psnr.frame(toRaw(inter.picture()), cropped.get(1)) > 35);
  }

  private static RawFrame crop(RawFrame f, int w, int h) {
    int cw = (w + 1) / 2;
    int ch = (h + 1) / 2;
    byte[] y = new byte[w * h];
    byte[] u = new byte[cw * ch];
    byte[] v = new byte[cw * ch];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        y[r * w + c] = (byte) f.y(c, r);
      }
    }
    for (int r = 0; r < ch; r++) {
      for (int c = 0; c < cw; c++) {
        u[r * cw + c] = (byte) f.u(c, r);
        v[r * cw + c] = (byte) f.v(c, r);
      }
    }
    return new RawFrame(w, h, y, u, v);
  }
}
