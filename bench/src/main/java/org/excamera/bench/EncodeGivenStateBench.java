package org.excamera.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.EncodeResult;
import org.excamera.codec.EncoderSettings;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.Vp8Encoder;
import org.excamera.codec.encode.FrameEncoder;
import org.excamera.codec.encode.Ssim;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Picture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Time per frame of encode-given-state against vpxenc's time per frame (issue 4, item 9; target ≤
 * 1.0).
 *
 * <p>The clip's first {@code --frames} frames are cut into chunks of {@code --chunk} frames, each
 * encoded by vpxenc with the design's flags (design §2) and {@code --threads=1}; vpxenc's time is
 * the best of {@code --iterations} runs over all chunks, one before each timed pass of ours (wall
 * clock of the processes, both passes included), divided by the frame count; its CPU time (user +
 * system, from bash's {@code times}) likewise. Encode-given-state then does ExCamera's key frame
 * replacement for every chunk but the first: chunk c's first raw frame coded as an interframe
 * against the state vpxenc's chunk c−1 leaves, at the quantizer of chunk c's key frame blended with
 * its next frame's (design §4.1); best of {@code --iterations} passes after one warm-up pass, wall
 * clock, split into the encoder proper (mode decision, residual coding, probability choices, loop
 * filter search) and writing plus decoding the written frame for the next state. Sizes and SSIM
 * (libvpx's, dB) of each replacement and of the key frame it replaces are printed, and beside the
 * ratio of the best figures the median of the pairs' own CPU ratios ({@link PairedRatios}).
 *
 * <p>Usage: {@code scripts/bench-encode-given-state [--clip FILE.y4m] [--frames N] [--chunk N]
 * [--cq Q] [--iterations N]}; the default clip is foreman from the shared test data.
 */
@Command(
    name = "bench-encode-given-state",
    description = "Time per frame of encode-given-state against vpxenc's (issue 4, item 9).")
public final class EncodeGivenStateBench implements Callable<Integer> {
  private static final PrintStream out = System.out;

  /** Encodes before timing starts: enough for the JIT to compile the encoder's hot loops. */
  private static final int WARMUP_ENCODES = 100;

  @Mixin private final ChunkBenchOptions options = new ChunkBenchOptions(36);

  private EncodeGivenStateBench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new EncodeGivenStateBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  /** One key frame replacement: its inputs, and the key frame it replaces. */
  private record Replacement(
      DecoderState state, RawFrame target, EncoderSettings settings, CompressedFrame keyFrame) {}

  private void run() throws Exception {
    Path clip = options.clip();
    int frames = options.frames;
    int chunk = options.chunk;
    int cq = options.cq;
    int iterations = options.iterations();
    Path tmp = Files.createTempDirectory("egs-bench-");
    List<RawFrame> all = BenchClips.readFrames(clip, frames);
    RawFrame f0 = all.get(0);
    out.printf(
        "encode-given-state speed: %s, %d frames of %dx%d in chunks of %d, cq %d, best of %d,"
            + " %d cores%n",
        clip.getFileName(),
        all.size(),
        f0.width(),
        f0.height(),
        chunk,
        cq,
        iterations,
        Runtime.getRuntime().availableProcessors());
    List<Replacement> work = new ArrayList<>();
    List<Path> y4ms = new ArrayList<>();
    DecoderState previous = null;
    for (int c = 0; c * chunk < all.size(); c++) {
      List<RawFrame> raw = all.subList(c * chunk, Math.min(all.size(), (c + 1) * chunk));
      Path y4m = tmp.resolve("chunk" + c + ".y4m");
      BenchClips.writeY4m(raw, y4m);
      y4ms.add(y4m);
      Path ivf = tmp.resolve("chunk" + c + ".ivf");
      ReferenceVpxenc.encode(y4m, ivf, tmp, cq); // the chunk; timed in the pairs below
      List<CompressedFrame> vpx = new ArrayList<>();
      for (IvfFrame f : IvfReader.readAll(ivf)) {
        vpx.add(CompressedFrame.of(f.data()));
      }
      DecoderState s = DecoderState.initial();
      QuantIndices keyQuant = Vp8Decoder.parse(s, vpx.get(0)).header().quantIndices();
      int nextQ = keyQuant.yAcQi();
      for (int i = 0; i < vpx.size(); i++) {
        if (i == 1) {
          nextQ = Vp8Decoder.parse(s, vpx.get(1)).header().quantIndices().yAcQi();
        }
        s = Vp8Decoder.decode(s, vpx.get(i)).next();
      }
      if (previous != null) {
        EncoderSettings settings =
            EncoderSettings.replacingKeyFrame(
                keyQuant, nextQ, EncoderSettings.DEFAULT_KEY_FRAME_WEIGHT);
        work.add(new Replacement(previous, raw.get(0), settings, vpx.get(0)));
      }
      previous = s;
    }
    int n = work.size();
    long bestTotal = Long.MAX_VALUE;
    long bestEncoder = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<EncodeResult> results = new ArrayList<>();
    // Warm-up: the first pass is the cold JVM's time (printed); then enough passes for the JIT to
    // compile the encoder (a worker that encodes many chunks runs compiled code).
    int warmup = Math.max(2, (WARMUP_ENCODES + n - 1) / n);
    long coldNanos = 0;
    // Each timed pass right after vpxenc has encoded all chunks once more (the pair's reference).
    double[] pairVpx = new double[iterations];
    double[] pairOurs = new double[iterations];
    long vpxBest = Long.MAX_VALUE;
    long vpxBestCpu = Long.MAX_VALUE;
    for (int it = -warmup; it < iterations; it++) {
      if (it >= 0) {
        ReferenceVpxenc.Timing vpxenc = ReferenceVpxenc.encodeAll(y4ms, tmp, cq);
        vpxBest = Math.min(vpxBest, vpxenc.wallNanos());
        vpxBestCpu = Math.min(vpxBestCpu, vpxenc.cpuNanos());
        pairVpx[it] = vpxenc.cpuNanos() / (double) all.size();
      }
      List<EncodeResult> pass = new ArrayList<>();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Replacement r : work) {
        pass.add(Vp8Encoder.encodeInterframe(r.state(), r.target(), r.settings()));
      }
      long total = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - c0;
      long a = System.nanoTime();
      for (Replacement r : work) {
        DecoderState s = r.state();
        FrameEncoder.interframe(
            s.probabilities(),
            s.segmentation(),
            s.filterAdjustments(),
            s.references(),
            Picture.fromI420(s.dimensions(), r.target().toI420()),
            r.settings().quantIndices(),
            r.settings().lambdaFactor());
      }
      long encoder = System.nanoTime() - a;
      if (it == -warmup) {
        coldNanos = total;
      }
      if (it < 0) {
        continue;
      }
      pairOurs[it] = cpu / (double) n;
      results = pass;
      bestTotal = Math.min(bestTotal, total);
      bestCpu = Math.min(bestCpu, cpu);
      bestEncoder = Math.min(bestEncoder, encoder);
    }
    for (int i = 0; i < n; i++) {
      Replacement r = work.get(i);
      EncodeResult e = results.get(i);
      DecodeResult key = Vp8Decoder.decode(DecoderState.initial(), r.keyFrame());
      out.printf(
          "chunk %d: replacement at q %d %d bytes, SSIM %.2f dB; vpxenc key frame at q %d %d bytes,"
              + " SSIM %.2f dB%n",
          i + 1,
          r.settings().quantIndices().yAcQi(),
          e.frame().length(),
          ssimDb(e.picture(), r.target()),
          Vp8Decoder.parse(DecoderState.initial(), r.keyFrame()).header().quantIndices().yAcQi(),
          r.keyFrame().length(),
          ssimDb(key.picture(), r.target()));
    }
    double egsPerFrame = bestTotal / (double) n / 1e6;
    double egsCpuPerFrame = bestCpu / (double) n / 1e6;
    double vpxPerFrame = vpxBest / (double) all.size() / 1e6;
    double vpxCpuPerFrame = vpxBestCpu / (double) all.size() / 1e6;
    out.printf(
        "vpxenc: %.2f ms/frame wall, %.2f ms/frame CPU (%d frames, 2 passes, whole process)%n",
        vpxPerFrame, vpxCpuPerFrame, all.size());
    out.printf(
        "encode-given-state: %.2f ms/frame wall, %.2f CPU, over %d replacements; encoder %.2f,"
            + " writing and decoding %.2f ms/frame wall%n",
        egsPerFrame,
        egsCpuPerFrame,
        n,
        bestEncoder / (double) n / 1e6,
        (bestTotal - bestEncoder) / (double) n / 1e6);
    out.printf(
        "encode-given-state, first pass in a cold JVM: %.2f ms/frame; output MD5 %s%n",
        coldNanos / (double) n / 1e6,
        BenchClips.digest(results.stream().map(EncodeResult::frame).toList()));
    out.printf(
        "ratio encode-given-state / vpxenc: %.3f wall, %.3f CPU (target <= 1.0)%n",
        egsPerFrame / vpxPerFrame, egsCpuPerFrame / vpxCpuPerFrame);
    out.printf(
        "median of the %d pairs' own CPU ratios (a vpxenc run of all chunks, then an"
            + " encode-given-state pass): %.3f%n",
        iterations, PairedRatios.median(pairOurs, pairVpx));
  }

  private static double ssimDb(Picture p, RawFrame raw) {
    return Ssim.toDb(Ssim.frame(RawFrame.fromI420(p.width(), p.height(), p.toI420()), raw));
  }
}
