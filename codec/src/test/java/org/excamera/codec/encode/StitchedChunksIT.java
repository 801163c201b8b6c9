package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.excamera.codec.picture.Picture;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4, item 8 (b): three adjacent 6-frame vpxenc chunks of a natural clip, stitched as design
 * §2 says (chunk 0 verbatim; chunk 1 re-encoded onto chunk 0's vpxenc state; chunk 2 re-encoded
 * onto chunk 1's vpxenc state, then rebased onto the state chunk 1's final output leaves), play in
 * vpxdec with one key frame and the same pictures as in our decoder; each replacement of a key
 * frame is smaller than the key frame; and at equal SSIM (the independent chunks' bits interpolated
 * in log scale between the two cq levels whose SSIM brackets the stitched stream's) the stitched
 * stream needs fewer bits than the three independent chunks.
 */
class StitchedChunksIT {
  private static final int CHUNK = 6;
  private static final int CQ = 32;
  private static final int[] INDEPENDENT_CQ = {20, 26, 32, 38, 44};

  @TempDir Path dir;

  private record Stream(long bytes, double ssimDb, List<CompressedFrame> frames) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"foreman_cif_352x288_96f.y4m", "stream_of_water_480x360_48f.y4m"})
  void stitchedChunksPlayWithOneKeyFrameAndSaveBits(String clip) throws IOException {
    List<List<RawFrame>> raw = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      raw.add(VpxChunks.rawFrames(clip, c * CHUNK, CHUNK));
    }
    List<RawFrame> all = new ArrayList<>();
    raw.forEach(all::addAll);

    List<List<CompressedFrame>> vpx = encodeChunks(raw, CQ);
    List<DecoderState> vpxStates = new ArrayList<>();
    for (List<CompressedFrame> v : vpx) {
      vpxStates.add(decodeAll(DecoderState.initial(), v));
    }
    // Pass 1 (parallel): positions 1 and 2 onto their predecessors' vpxenc states.
    ChunkReencoder.Output p1c1 =
        ChunkReencoder.run(vpxStates.get(0), DecoderState.initial(), vpx.get(1), raw.get(1), 0.75);
    ChunkReencoder.Output p1c2 =
        ChunkReencoder.run(vpxStates.get(1), DecoderState.initial(), vpx.get(2), raw.get(2), 0.75);
    // Pass 2 (serial): position 2 rebased onto the state position 1's final output leaves.
    ChunkReencoder.Output p2c2 =
        ChunkReencoder.run(p1c1.finalState(), vpxStates.get(1), p1c2.frames(), raw.get(2), 0.75);

    List<CompressedFrame> joined = new ArrayList<>(vpx.get(0));
    joined.addAll(p1c1.frames());
    joined.addAll(p2c2.frames());
    assertEquals(3 * CHUNK, joined.size());
    assertEquals(1, joined.stream().filter(CompressedFrame::isKeyFrame).count(), "key frames");
    assertTrue(p1c1.frames().get(0).length() < vpx.get(1).get(0).length());
    assertTrue(p2c2.frames().get(0).length() < vpx.get(2).get(0).length());

    Stream stitched = measure(joined, all);
    List<String> ours = new ArrayList<>();
    DecoderState s = DecoderState.initial();
    for (CompressedFrame f : joined) {
      DecodeResult r = Vp8Decoder.decode(s, f);
      ours.add(I420Digest.md5(r.picture()));
      s = r.next();
    }
    assertEquals(ours, VpxChunks.vpxdecMd5s(writeIvf(joined, all.get(0), "joined.ivf")));

    double[] bits = new double[INDEPENDENT_CQ.length];
    double[] ssim = new double[INDEPENDENT_CQ.length];
    for (int k = 0; k < INDEPENDENT_CQ.length; k++) {
      List<CompressedFrame> independent = new ArrayList<>();
      for (List<CompressedFrame> v :
          INDEPENDENT_CQ[k] == CQ ? vpx : encodeChunks(raw, INDEPENDENT_CQ[k])) {
        independent.addAll(v);
      }
      Stream m = measure(independent, all);
      bits[k] = 8.0 * m.bytes();
      ssim[k] = m.ssimDb();
      System.out.printf(
          "%s independent chunks cq %d: %d bytes, SSIM %.3f dB%n",
          clip, INDEPENDENT_CQ[k], m.bytes(), m.ssimDb());
    }
    double equal = bitsAtSsim(ssim, bits, stitched.ssimDb());
    double saving = 1 - 8.0 * stitched.bytes() / equal;
    System.out.printf(
        "%s stitched (cq %d): %d bytes, SSIM %.3f dB; independent chunks at that SSIM: %.0f"
            + " bytes; saving %.1f%%; key frames %d and %d bytes replaced by %d and %d%n",
        clip,
        CQ,
        stitched.bytes(),
        stitched.ssimDb(),
        equal / 8,
        100 * saving,
        vpx.get(1).get(0).length(),
        vpx.get(2).get(0).length(),
        p1c1.frames().get(0).length(),
        p2c2.frames().get(0).length());
    assertTrue(saving > 0, "stitched needs %.1f%% more bits".formatted(-100 * saving));
  }

  /** Bits of the independent curve at SSIM {@code target}, log-linear between its neighbours. */
  private static double bitsAtSsim(double[] ssim, double[] bits, double target) {
    for (int k = 0; k + 1 < ssim.length; k++) {
      double hi = Math.max(ssim[k], ssim[k + 1]);
      double lo = Math.min(ssim[k], ssim[k + 1]);
      if (target >= lo && target <= hi) {
        double t = (target - ssim[k]) / (ssim[k + 1] - ssim[k]);
        return Math.exp(Math.log(bits[k]) + t * (Math.log(bits[k + 1]) - Math.log(bits[k])));
      }
    }
    throw new AssertionError(
        "stitched SSIM %.3f dB is outside the independent chunks' range".formatted(target));
  }

  private List<List<CompressedFrame>> encodeChunks(List<List<RawFrame>> raw, int cq)
      throws IOException {
    List<List<CompressedFrame>> out = new ArrayList<>();
    for (int c = 0; c < raw.size(); c++) {
      Path y4m = VpxChunks.writeY4m(raw.get(c), dir.resolve("c" + c + ".y4m"));
      List<CompressedFrame> frames = new ArrayList<>();
      for (byte[] f :
          VpxChunks.ivfFrames(VpxChunks.vpxenc(y4m, cq, dir.resolve("c" + c + ".ivf")))) {
        frames.add(CompressedFrame.of(f));
      }
      assertEquals(CHUNK, frames.size(), "vpxenc made a hidden frame");
      out.add(frames);
    }
    return out;
  }

  private static DecoderState decodeAll(DecoderState s, List<CompressedFrame> frames) {
    for (CompressedFrame f : frames) {
      s = Vp8Decoder.decode(s, f).next();
    }
    return s;
  }

  /** Bytes and mean SSIM (dB) of a stream decoded from the initial state against the sources. */
  private static Stream measure(List<CompressedFrame> frames, List<RawFrame> sources) {
    DecoderState s = DecoderState.initial();
    long bytes = 0;
    double sum = 0;
    for (int i = 0; i < frames.size(); i++) {
      DecodeResult r = Vp8Decoder.decode(s, frames.get(i));
      Picture p = r.picture();
      sum += Ssim.frame(sources.get(i), RawFrame.fromI420(p.width(), p.height(), p.toI420()));
      bytes += frames.get(i).length();
      s = r.next();
    }
    return new Stream(bytes, Ssim.toDb(sum / frames.size()), frames);
  }

  private Path writeIvf(List<CompressedFrame> frames, RawFrame f0, String name) throws IOException {
    Path ivf = dir.resolve(name);
    try (IvfWriter w =
        IvfWriter.create(ivf, IvfHeader.vp8(f0.width(), f0.height(), 30000, 1001, 0))) {
      for (int i = 0; i < frames.size(); i++) {
        w.write(i, frames.get(i).toByteArray());
      }
    }
    return ivf;
  }
}
