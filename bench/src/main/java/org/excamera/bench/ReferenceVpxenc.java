package org.excamera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** vpxenc with the design's flags (design §2, one thread), run and timed by CPU time. */
final class ReferenceVpxenc {
  private ReferenceVpxenc() {}

  /** The ExCamera stage-1 flags, less the cq level, first-pass file and output. */
  static final List<String> FLAGS =
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
          "--target-bitrate=4294967295",
          "--threads=1");

  /**
   * Encodes {@code y4m} into {@code ivf} at cq level {@code cq} (scratch files in {@code dir}) and
   * returns vpxenc's CPU time (user + system) in nanoseconds, as bash's {@code times} reports it.
   */
  static long encode(Path y4m, Path ivf, Path dir, int cq)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("vpxenc");
    cmd.addAll(FLAGS);
    cmd.add("--cq-level=" + cq);
    cmd.add("--fpf=" + dir.resolve("fpf"));
    cmd.add("-o");
    cmd.add(ivf.toString());
    cmd.add(y4m.toString());
    StringBuilder script = new StringBuilder();
    for (String arg : cmd) {
      script.append('\'').append(arg.replace("'", "'\\''")).append("' ");
    }
    script.append(">&2 && times");
    Path times = dir.resolve("times.txt");
    Process p =
        new ProcessBuilder("bash", "-c", script.toString())
            .redirectError(dir.resolve("vpxenc.log").toFile())
            .redirectOutput(times.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("vpxenc failed: " + cmd);
    }
    // bash's times: the shell's user and system time, then its children's.
    List<String> lines = Files.readAllLines(times);
    String[] children = lines.get(lines.size() - 1).trim().split("\\s+");
    return duration(children[0]) + duration(children[1]);
  }

  /** Wall-clock and CPU time of a vpxenc run, in nanoseconds. */
  record Timing(long wallNanos, long cpuNanos) {}

  /**
   * Encodes every one of {@code y4ms} once more (the output goes to a scratch file in {@code dir});
   * the time of all of them together: the reference half of a pair.
   */
  static Timing encodeAll(List<Path> y4ms, Path dir, int cq)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long cpu = 0;
    for (Path y4m : y4ms) {
      cpu += encode(y4m, dir.resolve("paired.ivf"), dir, cq);
    }
    return new Timing(System.nanoTime() - t0, cpu);
  }

  /** Parses bash's {@code 0m0.157s} form into nanoseconds. */
  private static long duration(String field) {
    int m = field.indexOf('m');
    double minutes = Double.parseDouble(field.substring(0, m));
    double seconds = Double.parseDouble(field.substring(m + 1, field.length() - 1));
    return Math.round((minutes * 60 + seconds) * 1e9);
  }
}
