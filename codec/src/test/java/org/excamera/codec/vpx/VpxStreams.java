package org.excamera.codec.vpx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.picture.I420Digest;
import org.excamera.codec.syntax.FrameWriter;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.testing.ExternalTool;
import org.excamera.codec.testing.TestData;
import org.excamera.codec.testing.TestVectors;

/**
 * Makes short streams with vpxenc from the shared clips and checks them against vpxdec: every shown
 * frame's md5 line equals {@code vpxdec --i420 --md5}'s, and parse then write reproduces every
 * frame's bytes.
 */
final class VpxStreams {
  private VpxStreams() {}

  /** One encoder setting: clip, frames, optional crop, extra vpxenc flags. */
  record Setting(String name, String clip, int frames, String crop, List<String> flags) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String FOREMAN = "foreman_cif_352x288_96f.y4m";
  static final String WATER = "stream_of_water_480x360_48f.y4m";

  static Setting s(String name, String clip, int frames, String crop, String... flags) {
    return new Setting(name, clip, frames, crop, List.of(flags));
  }

  /** Encodes, decodes with both decoders, compares; returns the number of records. */
  static int check(Setting s, Path dir) throws IOException, InterruptedException {
    Path vpxenc = ExternalTool.require("vpxenc");
    Path vpxdec = ExternalTool.require("vpxdec");
    Path source = TestData.clip(s.clip());
    if (!s.crop().isEmpty()) {
      Path ffmpeg = ExternalTool.require("ffmpeg");
      Path cropped = dir.resolve(s.name() + "-src.y4m");
      run(
          dir,
          List.of(
              ffmpeg.toString(),
              "-v",
              "error",
              "-y",
              "-i",
              source.toString(),
              "-vf",
              "crop=" + s.crop() + ":0:0",
              "-frames:v",
              "" + s.frames(),
              "-pix_fmt",
              "yuv420p",
              "-f",
              "yuv4mpegpipe",
              cropped.toString()));
      source = cropped;
    }
    String stem = s.name();
    Path ivf = dir.resolve(stem + ".ivf");
    List<String> enc = new ArrayList<>();
    enc.addAll(
        List.of(
            vpxenc.toString(),
            "--ivf",
            "-q",
            "--codec=vp8",
            "--limit=" + s.frames(),
            "--threads=1",
            "-o",
            ivf.toString()));
    enc.addAll(s.flags());
    enc.add(source.toString());
    run(dir, enc);
    String expected =
        run(
            dir,
            List.of(
                vpxdec.toString(),
                "--codec=vp8",
                "--md5",
                "--i420",
                "-o",
                stem + "-%wx%h-%4.i420",
                ivf.toString()));
    List<CompressedFrame> frames = TestVectors.frames(ivf);
    List<String> lines = new ArrayList<>();
    DecoderState state = DecoderState.initial();
    for (int i = 0; i < frames.size(); i++) {
      ParsedFrame parsed = Vp8Decoder.parse(state, frames.get(i));
      assertArrayEquals(
          frames.get(i).toByteArray(),
          FrameWriter.write(parsed, state.probabilities()),
          stem + " record " + (i + 1) + ": parse -> write");
      DecodeResult r = Vp8Decoder.reconstruct(state, parsed);
      if (r.shown()) {
        lines.add(I420Digest.conformanceLine(stem, r.picture(), i + 1));
      }
      state = r.next();
    }
    assertEquals(expected.lines().toList(), lines, stem);
    assertTrue(!lines.isEmpty(), stem + ": no frames");
    System.out.printf(
        "%s: %d records, %d shown, all match vpxdec and round-trip%n",
        stem, frames.size(), lines.size());
    return frames.size();
  }

  private static String run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "out", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("exit " + p.exitValue() + ": " + command + "\n" + out);
    }
    return out;
  }
}
