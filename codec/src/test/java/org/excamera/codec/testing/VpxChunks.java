package org.excamera.codec.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mReader;
import org.excamera.codec.io.Y4mWriter;

/**
 * Chunks of the shared clips and their vpxenc encodings with the design's flags (design §2), for
 * tests of the encoder. vpxenc and vpxdec come from {@link ExternalTool} (a missing tool skips the
 * test loudly, and fails it under CI).
 */
public final class VpxChunks {
  private VpxChunks() {}

  /** The design's vpxenc flags (design §2), without the cq level, threads and files. */
  public static final List<String> DESIGN_FLAGS =
      List.of(
          "--codec=vp8",
          "--ivf",
          "-q",
          "--good",
          "--cpu-used=0",
          "--end-usage=cq",
          "--min-q=0",
          "--max-q=63",
          "--buf-initial-sz=10000",
          "--buf-optimal-sz=20000",
          "--buf-sz=40000",
          "--undershoot-pct=100",
          "--passes=2",
          "--auto-alt-ref=1",
          "--token-parts=0",
          "--tune=ssim",
          "--target-bitrate=4294967295");

  /** Frames {@code first .. first+count-1} of a shared clip. */
  public static List<RawFrame> rawFrames(String clip, int first, int count) throws IOException {
    List<RawFrame> out = new ArrayList<>();
    try (Y4mReader in = Y4mReader.open(TestData.clip(clip))) {
      for (int i = 0; i < first + count; i++) {
        Optional<RawFrame> f = in.next();
        if (f.isEmpty()) {
          throw new IllegalArgumentException(
              "%s has %d frames, need %d".formatted(clip, i, first + count));
        }
        if (i >= first) {
          out.add(f.get());
        }
      }
    }
    return out;
  }

  /** Writes frames as a Y4M file (30000/1001 fps). */
  public static Path writeY4m(List<RawFrame> frames, Path file) throws IOException {
    RawFrame f0 = frames.get(0);
    try (Y4mWriter w =
        Y4mWriter.create(file, Y4mHeader.i420(f0.width(), f0.height(), 30000, 1001))) {
      for (RawFrame f : frames) {
        w.write(f);
      }
    }
    return file;
  }

  /**
   * Encodes a Y4M file with vpxenc, the design's flags, one thread and {@code cqLevel}, then {@code
   * extra} flags (which may override them).
   */
  public static Path vpxenc(Path y4m, int cqLevel, Path out, String... extra) throws IOException {
    Path vpxenc = ExternalTool.require("vpxenc");
    List<String> cmd = new ArrayList<>();
    cmd.add(vpxenc.toString());
    cmd.addAll(DESIGN_FLAGS);
    cmd.add("--cq-level=" + cqLevel);
    cmd.add("--threads=1");
    cmd.addAll(List.of(extra));
    cmd.add("--fpf=" + out.resolveSibling(out.getFileName() + ".fpf"));
    cmd.add("-o");
    cmd.add(out.toString());
    cmd.add(y4m.toString());
    run(cmd, parentOf(out));
    return out;
  }

  /** The frames of an IVF file. */
  public static List<byte[]> ivfFrames(Path ivf) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (IvfFrame f : IvfReader.readAll(ivf)) {
      out.add(f.data());
    }
    return out;
  }

  /** vpxdec's per-frame MD5s ({@code vpxdec --i420 --md5} per frame) of an IVF file. */
  public static List<String> vpxdecMd5s(Path ivf) throws IOException {
    Path vpxdec = ExternalTool.require("vpxdec");
    Path dir = parentOf(ivf);
    Path log = dir.resolve(ivf.getFileName() + ".md5.txt");
    List<String> cmd =
        List.of(
            vpxdec.toString(),
            "--codec=vp8",
            "--md5",
            "--i420",
            "-o",
            dir.resolve("f-%wx%h-%4.i420").toString(),
            ivf.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    waitFor(pb.start(), cmd);
    List<String> md5s = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (!line.isBlank()) {
        md5s.add(line.substring(0, 32));
      }
    }
    return md5s;
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("no parent directory: " + file);
    }
    return parent;
  }

  private static void run(List<String> cmd, Path dir) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("tool.log").toFile());
    waitFor(pb.start(), cmd);
  }

  private static void waitFor(Process p, List<String> cmd) throws IOException {
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + cmd);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + cmd, e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("exit " + p.exitValue() + ": " + cmd);
    }
  }
}
