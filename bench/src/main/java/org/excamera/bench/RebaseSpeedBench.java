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
import org.excamera.codec.Rebaser;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.encode.FrameRebaser;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.FrameWriter;
import org.excamera.codec.syntax.ParsedFrame;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Time per frame of rebase against vpxenc's time per frame (issue 4, item 9; target ≤ 0.10).
 *
 * <p>The clip's first {@code --frames} frames are cut into chunks of {@code --chunk} frames, each
 * encoded by vpxenc with the design's flags (design §2) and {@code --threads=1}; vpxenc's time is
 * the best of {@code --iterations} runs over all chunks, one before each timed pass of ours (wall
 * clock of the processes, two passes included), divided by the frame count. Rebase then re-encodes
 * every interframe of every chunk onto the state it was made for (the same work as onto any other
 * state: prediction, residual, quantization, tokens, probability choices, writing, and decoding the
 * written frame for the next state), best of {@code --iterations} passes over all chunks after
 * warm-up passes (at least {@link #WARMUP_REBASES} rebases, for the JIT); the rebase time is also
 * split into the encoder pass, the writer, and the decode of the output. The MD5 of the rebased
 * frames is printed, and beside the ratio of the best figures the median of the pairs' own CPU
 * ratios ({@link PairedRatios}).
 *
 * <p>Usage: {@code scripts/bench-rebase [--clip FILE.y4m] [--frames N] [--chunk N] [--cq Q]
 * [--iterations N]}; the default clip is foreman from the shared test data.
 */
@Command(
    name = "bench-rebase",
    description = "Time per frame of rebase against vpxenc's (issue 4, item 9).")
public final class RebaseSpeedBench implements Callable<Integer> {
  private static final PrintStream out = System.out;

  /**
   * Rebases before timing starts. One pass of the default 20 interframes left the JIT cold (the
   * figures varied by half between runs); 400 make them steady to a few percent.
   */
  private static final int WARMUP_REBASES = 400;

  @Mixin private final ChunkBenchOptions options = new ChunkBenchOptions(24);

  private RebaseSpeedBench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new RebaseSpeedBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private record Chunk(List<RawFrame> raw, List<CompressedFrame> vpx) {}

  private void run() throws Exception {
    Path clip = options.clip();
    int frames = options.frames;
    int chunk = options.chunk;
    int cq = options.cq;
    int iterations = options.iterations();
    Path tmp = Files.createTempDirectory("rebase-bench-");
    List<RawFrame> all = BenchClips.readFrames(clip, frames);
    RawFrame f0 = all.get(0);
    out.printf(
        "rebase speed: %s, %d frames of %dx%d in chunks of %d, cq %d, best of %d, %d cores%n",
        clip.getFileName(),
        all.size(),
        f0.width(),
        f0.height(),
        chunk,
        cq,
        iterations,
        Runtime.getRuntime().availableProcessors());
    List<Chunk> chunks = new ArrayList<>();
    List<Path> y4ms = new ArrayList<>();
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
      chunks.add(new Chunk(raw, vpx));
    }
    // Inputs of every rebase: the state each interframe was made for and its parsed form.
    Dimensions dims = new Dimensions(f0.width(), f0.height());
    List<DecoderState> states = new ArrayList<>();
    List<ParsedFrame> parsed = new ArrayList<>();
    List<RawFrame> targets = new ArrayList<>();
    for (Chunk c : chunks) {
      DecoderState s = DecoderState.initial(dims);
      for (int i = 0; i < c.vpx().size(); i++) {
        ParsedFrame p = Vp8Decoder.parse(s, c.vpx().get(i));
        DecodeResult d = Vp8Decoder.reconstruct(s, p);
        if (i > 0) {
          states.add(s);
          parsed.add(p);
          targets.add(c.raw().get(i));
        }
        s = d.next();
      }
    }
    int n = parsed.size();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestTotal = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    long bestEncode = Long.MAX_VALUE;
    long bestWrite = Long.MAX_VALUE;
    long bestDecode = Long.MAX_VALUE;
    long bytes = 0;
    String digest = "";
    int warmup = Math.max(1, (WARMUP_REBASES + n - 1) / n);
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
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      long sum = 0;
      List<CompressedFrame> pass = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        EncodeResult e = Rebaser.rebase(states.get(i), parsed.get(i), targets.get(i), false);
        sum += e.frame().length();
        pass.add(e.frame());
      }
      long total = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - c0;
      long encode = 0;
      long write = 0;
      long decode = 0;
      for (int i = 0; i < n; i++) {
        RawFrame r = targets.get(i);
        long a = System.nanoTime();
        Picture target = Picture.fromI420(dims, r.toI420());
        ParsedFrame p = FrameRebaser.rebase(states.get(i), parsed.get(i), target, false).frame();
        long b = System.nanoTime();
        byte[] data = FrameWriter.write(p, states.get(i).probabilities());
        long c = System.nanoTime();
        Vp8Decoder.decode(states.get(i), CompressedFrame.of(data));
        long d = System.nanoTime();
        encode += b - a;
        write += c - b;
        decode += d - c;
      }
      if (it < 0) {
        continue; // warm-up
      }
      pairOurs[it] = cpu / (double) n;
      bytes = sum;
      digest = BenchClips.digest(pass);
      bestTotal = Math.min(bestTotal, total);
      bestCpu = Math.min(bestCpu, cpu);
      bestEncode = Math.min(bestEncode, encode);
      bestWrite = Math.min(bestWrite, write);
      bestDecode = Math.min(bestDecode, decode);
    }
    double rebasePerFrame = bestTotal / (double) n / 1e6;
    double rebaseCpuPerFrame = bestCpu / (double) n / 1e6;
    double vpxPerFrame = vpxBest / (double) all.size() / 1e6;
    double vpxCpuPerFrame = vpxBestCpu / (double) all.size() / 1e6;
    out.printf(
        "vpxenc: %.2f ms/frame wall, %.2f ms/frame CPU (%d frames, 2 passes)%n",
        vpxPerFrame, vpxCpuPerFrame, all.size());
    out.printf(
        "rebase: %.2f ms/frame wall, %.2f ms/frame CPU over %d interframes (%d bytes); wall:"
            + " encoder pass %.2f, writer %.2f, decode of the output %.2f ms/frame; output MD5 %s%n",
        rebasePerFrame,
        rebaseCpuPerFrame,
        n,
        bytes,
        bestEncode / (double) n / 1e6,
        bestWrite / (double) n / 1e6,
        bestDecode / (double) n / 1e6,
        digest);
    out.printf(
        "ratio rebase / vpxenc: %.3f wall, %.3f CPU (target <= 0.10)%n",
        rebasePerFrame / vpxPerFrame, rebaseCpuPerFrame / vpxCpuPerFrame);
    out.printf(
        "median of the %d pairs' own CPU ratios (a vpxenc run of all chunks, then a rebase pass):"
            + " %.3f%n",
        iterations, PairedRatios.median(pairOurs, pairVpx));
  }
}
