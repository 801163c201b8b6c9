package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.testing.VpxChunks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java chunk encoder against vpxenc with the design's flags on the same chunk (issue 4, item
 * 5): bytes and mean SSIM (libvpx's, in dB of the mean) at several quality levels each, and our
 * bytes at vpxenc's SSIM, interpolated linearly in log(bytes) between our two neighbouring points.
 */
class ChunkEncoderIT {
  @TempDir Path dir;

  /** Total bytes and SSIM in dB of the mean SSIM of a stream against its raw frames. */
  static double[] measure(List<CompressedFrame> frames, List<RawFrame> raw) {
    DecoderState s = DecoderState.initial();
    double ssim = 0;
    long bytes = 0;
    for (int i = 0; i < frames.size(); i++) {
      DecodeResult d = Vp8Decoder.decode(s, frames.get(i));
      s = d.next();
      RawFrame rec =
          RawFrame.fromI420(d.picture().width(), d.picture().height(), d.picture().toI420());
      ssim += Ssim.frame(rec, raw.get(i));
      bytes += frames.get(i).length();
    }
    return new double[] {bytes, Ssim.toDb(ssim / frames.size())};
  }

  @ParameterizedTest(name = "{0}, {1} frames")
  @CsvSource({"foreman_cif_352x288_96f.y4m, 12", "stream_of_water_480x360_48f.y4m, 6"})
  void sizeAndSsimAgainstVpxenc(String clip, int count) throws IOException {
    List<RawFrame> raw = VpxChunks.rawFrames(clip, 0, count);
    Path y4m = VpxChunks.writeY4m(raw, dir.resolve("c.y4m"));
    int[] levels = {20, 32, 44};
    List<double[]> vpx = new ArrayList<>();
    List<double[]> ours = new ArrayList<>();
    for (int level : levels) {
      List<CompressedFrame> frames = new ArrayList<>();
      for (byte[] f :
          VpxChunks.ivfFrames(VpxChunks.vpxenc(y4m, level, dir.resolve(level + ".ivf")))) {
        frames.add(CompressedFrame.of(f));
      }
      vpx.add(measure(frames, raw));
      ours.add(
          measure(ChunkEncoder.encode(raw, ChunkEncoder.Settings.ofQuality(level)).frames(), raw));
    }
    for (int i = 0; i < levels.length; i++) {
      System.out.printf(
          "%s x%d quality %d: vpxenc %.0f bytes %.3f dB, ours %.0f bytes %.3f dB%n",
          clip, count, levels[i], vpx.get(i)[0], vpx.get(i)[1], ours.get(i)[0], ours.get(i)[1]);
    }
    int compared = 0;
    for (double[] v : vpx) {
      for (int j = 0; j + 1 < ours.size(); j++) {
        double[] a = ours.get(j + 1);
        double[] b = ours.get(j);
        if (v[1] >= a[1] && v[1] <= b[1]) {
          double t = (v[1] - a[1]) / (b[1] - a[1]);
          double bytes = Math.exp(Math.log(a[0]) + t * (Math.log(b[0]) - Math.log(a[0])));
          System.out.printf(
              "%s x%d at %.3f dB: ours %.0f bytes, vpxenc %.0f bytes (ratio %.2f)%n",
              clip, count, v[1], bytes, v[0], bytes / v[0]);
          assertTrue(
              bytes < 1.5 * v[0], "ours needs %.0f bytes, vpxenc %.0f".formatted(bytes, v[0]));
          compared++;
        }
      }
    }
    assertTrue(compared > 0, "no vpxenc point within our SSIM range");
  }
}
