package org.excamera.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.encode.Psnr;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebase end to end (issue 4, item 8 a, c, d) on a 6-frame chunk of foreman encoded by vpxenc with
 * the design's flags at two quality levels.
 */
class RebaserTest {
  private static final String CLIP = "foreman_cif_352x288_96f.y4m";

  @TempDir static Path dir;

  static List<RawFrame> raw;
  static Dimensions dims;
  static List<CompressedFrame> coarse; // cq 32
  static List<CompressedFrame> fine; // cq 20

  @BeforeAll
  static void encode() throws IOException {
    raw = VpxChunks.rawFrames(CLIP, 0, 6);
    dims = new Dimensions(raw.get(0).width(), raw.get(0).height());
    Path y4m = VpxChunks.writeY4m(raw, dir.resolve("chunk.y4m"));
    coarse = frames(VpxChunks.vpxenc(y4m, 32, dir.resolve("cq32.ivf")));
    fine = frames(VpxChunks.vpxenc(y4m, 20, dir.resolve("cq20.ivf")));
  }

  private static List<CompressedFrame> frames(Path ivf) throws IOException {
    List<CompressedFrame> out = new ArrayList<>();
    for (byte[] f : VpxChunks.ivfFrames(ivf)) {
      out.add(CompressedFrame.of(f));
    }
    return out;
  }

  /**
   * (a) The cq-32 chunk's interframes rebased onto the state after the cq-20 key frame: a stream of
   * that key frame plus the rebased frames decodes to the same pictures in vpxdec as in our
   * decoder, frame by frame.
   */
  @Test
  void rebasedFramesDecodeIdenticallyInVpxdec() throws IOException {
    DecoderState predState = DecoderState.initial(dims);
    DecodeResult key = Vp8Decoder.decode(DecoderState.initial(dims), fine.get(0));
    predState = Vp8Decoder.decode(predState, coarse.get(0)).next();
    DecoderState state = key.next();
    List<CompressedFrame> stream = new ArrayList<>(List.of(fine.get(0)));
    List<String> ours = new ArrayList<>(List.of(I420Digest.md5(key.picture())));
    for (int i = 1; i < coarse.size(); i++) {
      ParsedFrame parsed = Vp8Decoder.parse(predState, coarse.get(i));
      predState = Vp8Decoder.reconstruct(predState, parsed).next();
      EncodeResult e = Rebaser.rebase(state, parsed, raw.get(i), i == coarse.size() - 1);
      DecodeResult check = Vp8Decoder.decode(state, e.frame());
      assertEquals(check.next().digest(), e.next().digest(), "frame " + i);
      assertEquals(check.picture(), e.picture());
      stream.add(e.frame());
      ours.add(I420Digest.md5(e.picture()));
      state = e.next();
      double psnr = Psnr.frame(raw.get(i), rawOf(e.picture()));
      System.out.printf(
          "rebase onto another state, frame %d: %d bytes (vpxenc %d), %.3f dB%n",
          i, e.frame().length(), coarse.get(i).length(), psnr);
    }
    Path ivf = dir.resolve("stitched.ivf");
    try (IvfWriter w =
        IvfWriter.create(ivf, IvfHeader.vp8(dims.width(), dims.height(), 30000, 1001, 0))) {
      for (int i = 0; i < stream.size(); i++) {
        w.write(i, stream.get(i).toByteArray());
      }
    }
    assertEquals(ours, VpxChunks.vpxdecMd5s(ivf));
  }

  /**
   * (c) Rebasing each interframe onto the very state it was made for gives (about) its picture: the
   * same modes and vectors, a residual re-quantized at the same indices. Reports PSNR and size.
   */
  @Test
  void rebaseOntoOwnStateReproducesThePicture() {
    DecoderState state = DecoderState.initial(dims);
    state = Vp8Decoder.decode(state, coarse.get(0)).next();
    long vpxBytes = 0;
    long ourBytes = 0;
    for (int i = 1; i < coarse.size(); i++) {
      ParsedFrame parsed = Vp8Decoder.parse(state, coarse.get(i));
      DecodeResult original = Vp8Decoder.reconstruct(state, parsed);
      EncodeResult e = Rebaser.rebase(state, parsed, raw.get(i), false);
      double vsOriginal = Psnr.frame(rawOf(original.picture()), rawOf(e.picture()));
      double ours = Psnr.frame(raw.get(i), rawOf(e.picture()));
      double theirs = Psnr.frame(raw.get(i), rawOf(original.picture()));
      System.out.printf(
          "rebase onto own state, frame %d: %d bytes (vpxenc %d); vs source %.3f dB (vpxenc"
              + " %.3f dB); vs vpxenc's picture %.3f dB%n",
          i, e.frame().length(), coarse.get(i).length(), ours, theirs, vsOriginal);
      assertTrue(vsOriginal > 40, "frame %d: %.3f dB from the original".formatted(i, vsOriginal));
      assertTrue(ours > theirs - 0.5);
      assertEquals(parsed.header().quantIndices(), e.parsed().header().quantIndices());
      assertEquals(parsed.header().referenceUpdates(), e.parsed().header().referenceUpdates());
      vpxBytes += coarse.get(i).length();
      ourBytes += e.frame().length();
      state = original.next();
    }
    System.out.printf("rebase onto own state: %d bytes, vpxenc %d bytes%n", ourBytes, vpxBytes);
  }

  @Test
  void lastOfChunkRefreshesAllReferences() {
    DecoderState state = Vp8Decoder.decode(DecoderState.initial(dims), coarse.get(0)).next();
    ParsedFrame parsed = Vp8Decoder.parse(state, coarse.get(1));
    EncodeResult e = Rebaser.rebase(state, parsed, raw.get(1), true);
    var refs = e.parsed().header().referenceUpdates();
    assertTrue(refs.refreshLast() && refs.refreshGoldenFrame() && refs.refreshAlternateFrame());
    assertSame(e.next().references().last(), e.next().references().golden());
    assertSame(e.next().references().last(), e.next().references().altref());
  }

  @Test
  void sameInputGivesSameBytes() {
    DecoderState state = Vp8Decoder.decode(DecoderState.initial(dims), fine.get(0)).next();
    DecoderState pred = Vp8Decoder.decode(DecoderState.initial(dims), coarse.get(0)).next();
    ParsedFrame parsed = Vp8Decoder.parse(pred, coarse.get(1));
    byte[] a = Rebaser.rebase(state, parsed, raw.get(1), false).frame().toByteArray();
    byte[] b = Rebaser.rebase(state, parsed, raw.get(1), false).frame().toByteArray();
    assertArrayEquals(a, b);
  }

  /** (d) A state of another size, or without references, does not fit the frame. */
  @Test
  void stateThatDoesNotFitIsAStateMismatch() {
    DecoderState state = Vp8Decoder.decode(DecoderState.initial(dims), coarse.get(0)).next();
    ParsedFrame parsed = Vp8Decoder.parse(state, coarse.get(1));
    assertThrows(
        StateMismatchException.class,
        () -> Rebaser.rebase(DecoderState.initial(dims), parsed, raw.get(1), false),
        "no references");
    assertThrows(
        StateMismatchException.class,
        () -> Rebaser.rebase(DecoderState.initial(), parsed, raw.get(1), false),
        "no size");
    Dimensions other = new Dimensions(176, 144);
    DecoderState small = Vp8Decoder.decode(DecoderState.initial(other), keyFrameOf(other)).next();
    StateMismatchException e =
        assertThrows(
            StateMismatchException.class,
            () -> Rebaser.rebase(small, parsed, RawFrame.filled(176, 144, 16, 128, 128), false));
    assertTrue(String.valueOf(e.getMessage()).contains("macroblocks"), e.getMessage());
  }

  private static CompressedFrame keyFrameOf(Dimensions d) {
    // Any real key frame of that size: the first frame of conformance vector 001 is 176x144.
    try {
      return CompressedFrame.of(
          VpxChunks.ivfFrames(
                  org.excamera.codec.testing.TestData.vectors()
                      .resolve("vp80-00-comprehensive-001.ivf"))
              .get(0));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static RawFrame rawOf(Picture p) {
    return RawFrame.fromI420(p.width(), p.height(), p.toI420());
  }
}
