package org.excamera.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Decoding speed of the pure-Java decoder against {@code vpxdec --threads=1} on the same stream,
 * printed as a ratio (ours / libvpx; the target is at least 0.5). The streams are made at run time:
 * each of {@code --source} (comma-separated; default testsrc2,foreman; also mandelbrot) at {@code
 * --size} (default 1280x720), {@code --frames} (default 300), encoded by vpxenc with ExCamera-like
 * settings at {@code --cq} (default 20 for testsrc2, as the first figures were, and the design's 32
 * for the others). After {@code --warmup} untimed passes of ours for the JIT, {@code --runs} times
 * a run of {@code vpxdec --noblit --summary} and then a timed pass of ours over frames held in
 * memory: the ratio of the best figures, and the median of the pairs' own ratios, which the
 * machine's changing load moves less (each pair runs within about two seconds).
 *
 * <p>Usage: {@code scripts/bench-decoder [--size WxH] [--frames N] [--source A,B] [--cq Q] [--runs
 * N] [--warmup N] [--dir DIR]}
 */
@Command(
    name = "bench-decoder",
    description =
        "Frames per second of the Java decoder against vpxdec --threads=1 on the same stream.")
public final class DecoderSpeedBench implements Callable<Integer> {
  private static final PrintStream out = System.out;
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) decoded frames.* in (\\d+) us");
  private static final Pattern CPU = Pattern.compile("cpu ([0-9.]+) ([0-9.]+)");
  private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "picture size (default: ${DEFAULT-VALUE})")
  private String size = "1280x720";

  @Option(
      names = "--frames",
      paramLabel = "N",
      description = "frames per stream (default: ${DEFAULT-VALUE})")
  private int frames = 300;

  @Option(
      names = "--cq",
      paramLabel = "Q",
      description = "vpxenc's --cq-level (default: 20 for testsrc2, 32 for the others)")
  private @Nullable Integer cq;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "timed pairs: a vpxdec run, then a pass of ours (default: ${DEFAULT-VALUE})")
  private int runs = 5;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "untimed passes of ours first, for the JIT (default: ${DEFAULT-VALUE})")
  private int warmup = 4;

  @Option(
      names = "--source",
      paramLabel = "A,B",
      split = ",",
      description = "sources: testsrc2, foreman, mandelbrot (default: testsrc2,foreman)")
  private List<String> sources = List.of("testsrc2", "foreman");

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "where the streams are made and kept (default: excamera-bench in the temp dir)")
  private Path dir = Path.of(System.getProperty("java.io.tmpdir"), "excamera-bench");

  @Mixin private final HelpOption help = new HelpOption();

  private DecoderSpeedBench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new DecoderSpeedBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Matcher wh = SIZE.matcher(size);
    if (!wh.matches()) {
      throw new ParameterException(
          new CommandLine(this), "--size must be WxH, e.g. 1280x720: " + size);
    }
    if (runs < 1 || warmup < 0) {
      throw new ParameterException(
          new CommandLine(this), "--runs must be at least 1 and --warmup at least 0");
    }
    int w = Integer.parseInt(wh.group(1));
    int h = Integer.parseInt(wh.group(2));
    StringBuilder summary = new StringBuilder();
    for (String source : sources) {
      Integer given = cq;
      int q = given != null ? given : defaultCq(source);
      Path ivf = StreamMaker.ivf(dir, source, w, h, frames, vpxencFlags(q));
      double[] ratio = compare(ivf, runs, warmup);
      summary.append(
          "  %s cq %d: %.2f by wall time, %.2f by CPU time (passes' median: %.2f, %.2f)%n"
              .formatted(source, q, ratio[0], ratio[1], ratio[2], ratio[3]));
    }
    out.printf("ratios (ours / vpxdec, target >= 0.5):%n%s", summary);
    return 0;
  }

  /**
   * testsrc2 at cq 20 is the historical figure (nearly all macroblocks skipped); natural content at
   * the design's cq 32 keeps the tuning honest.
   */
  static int defaultCq(String source) {
    return source.equals("testsrc2") ? 20 : 32;
  }

  /** The vpxenc settings of the benchmark streams (ExCamera-like, one pass). */
  static List<String> vpxencFlags(int cq) {
    return List.of(
        "--good",
        "--cpu-used=4",
        "--end-usage=cq",
        "--cq-level=" + cq,
        "--auto-alt-ref=1",
        "--lag-in-frames=16",
        "--token-parts=0");
  }

  /** Times both decoders on one stream; returns the wall and CPU ratios (ours / vpxdec). */
  private static double[] compare(Path ivf, int runs, int warmup)
      throws IOException, InterruptedException {
    List<CompressedFrame> data =
        IvfReader.readAll(ivf).stream().map(IvfFrame::data).map(CompressedFrame::of).toList();
    long bytes = data.stream().mapToLong(CompressedFrame::length).sum();
    out.printf(
        "stream: %s, %d frames, %.1f kB/frame%n", ivf, data.size(), bytes / 1024.0 / data.size());

    for (int r = 0; r < warmup; r++) {
      decodeAll(data);
    }
    // Each timed pass of ours right after a vpxdec run, so that both see about the same load.
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] libvpx = new double[runs];
    double[] libvpxCpu = new double[runs];
    double[] ours = new double[runs];
    double[] oursCpu = new double[runs];
    for (int r = 0; r < runs; r++) {
      double[] fps = vpxdecFps(ivf);
      libvpx[r] = fps[0];
      libvpxCpu[r] = fps[1];
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      decodeAll(data);
      ours[r] = data.size() * 1e9 / (System.nanoTime() - t0);
      oursCpu[r] = data.size() * 1e9 / (os.getProcessCpuTime() - c0);
      out.printf(
          "  pass %d: vpxdec %.1f, ours %.1f frames/s wall (%.1f, %.1f of CPU time): %.2f, %.2f%n",
          r + 1,
          libvpx[r],
          ours[r],
          libvpxCpu[r],
          oursCpu[r],
          ours[r] / libvpx[r],
          oursCpu[r] / libvpxCpu[r]);
    }
    out.printf(
        "vpxdec --threads=1: %.1f frames/s wall, %.1f frames/s of CPU time (best of %d)%n",
        max(libvpx), max(libvpxCpu), runs);
    out.printf(
        "excamera Vp8Decoder: %.1f frames/s wall, %.1f frames/s of CPU time (best of %d, after %d"
            + " untimed passes)%n",
        max(ours), max(oursCpu), runs, warmup);
    double wall = max(ours) / max(libvpx);
    double cpu = max(oursCpu) / max(libvpxCpu);
    double pairedWall = PairedRatios.median(ours, libvpx);
    double pairedCpu = PairedRatios.median(oursCpu, libvpxCpu);
    out.printf(
        "ratio (ours / vpxdec): %.2f by wall time, %.2f by CPU time (process CPU incl. GC and JIT"
            + " threads)  (target >= 0.5)%n",
        wall, cpu);
    out.printf(
        "median of the passes' own ratios: %.2f by wall time, %.2f by CPU time%n",
        pairedWall, pairedCpu);
    return new double[] {wall, cpu, pairedWall, pairedCpu};
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  private static void decodeAll(List<CompressedFrame> data) {
    DecoderState s = DecoderState.initial();
    for (CompressedFrame f : data) {
      s = Vp8Decoder.decode(s, f).next();
    }
  }

  /** vpxdec's own decode-time figure and frames per second of its user+system CPU time. */
  private static double[] vpxdecFps(Path ivf) throws IOException, InterruptedException {
    String cmd =
        "TIMEFORMAT='cpu %%3U %%3S'; time vpxdec --codec=vp8 --threads=1 --noblit --summary '%s'"
            .formatted(ivf);
    Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("vpxdec failed: " + text);
    }
    Matcher m = SUMMARY.matcher(text);
    if (!m.find()) {
      throw new IOException("no summary in vpxdec output: " + text);
    }
    long frames = Long.parseLong(m.group(1));
    Matcher cpu = CPU.matcher(text);
    if (!cpu.find()) {
      throw new IOException("no CPU time in: " + text);
    }
    double seconds = Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2));
    return new double[] {frames * 1e6 / Long.parseLong(m.group(2)), frames / seconds};
  }
}
