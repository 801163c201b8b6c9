package org.excamera.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.loopfilter.LoopFilterPass;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.recon.Reconstruction;
import org.excamera.codec.simd.VectorKernels;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.ParsedFrame;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Time of the loop filter alone on the decoder benchmark's stream: every frame is decoded once and
 * reconstructed again without the filter, then {@link LoopFilterPass#run} is timed (thread CPU
 * time, so other load on the machine counts less) on copies of those unfiltered pictures; the
 * copying is timed separately. Correctness is the conformance tests' business, not this program's.
 * When the JVM has {@code jdk.incubator.vector} and runs it fast (the codec's Vector API loop
 * filter), passes alternate between that filter and the JDK-only one (system property {@code
 * excamera.vector}, which the filter reads per frame), so that the two are compared side by side
 * under the same load. With {@code --ab-property NAME} the passes alternate instead between {@code
 * NAME=false} and {@code NAME=true}, for trying a change behind a temporary switch that the filter
 * reads when it is made for a frame (the README lists what was tried so).
 *
 * <p>Usage: {@code java -cp ... org.excamera.bench.LoopFilterBench [--source NAME] [--cq Q] [--runs
 * N] [--ab-property NAME]} on the decoder benchmark's 1280x720, 300-frame streams.
 */
@Command(
    name = "LoopFilterBench",
    description =
        "The loop filter alone: the vector filter against the JDK-only one, side by side.")
public final class LoopFilterBench implements Callable<Integer> {
  private static final PrintStream out = System.out;
  private static final String VECTOR_PROPERTY = "excamera.vector";

  @Option(
      names = "--ab-property",
      paramLabel = "NAME",
      description =
          "instead of vector against JDK-only, alternate passes with system property NAME false"
              + " and true (for a codec switch read per frame)")
  private @Nullable String abProperty;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "the decoder benchmark's source (default: ${DEFAULT-VALUE})")
  private String source = "testsrc2";

  @Option(
      names = "--cq",
      paramLabel = "Q",
      description = "vpxenc's --cq-level (default: the decoder benchmark's for the source)")
  private @Nullable Integer cq;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "timed passes of each filter (default: ${DEFAULT-VALUE})")
  private int runs = 5;

  @Mixin private final HelpOption help = new HelpOption();

  private LoopFilterBench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoopFilterBench()).execute(args));
  }

  /** One frame's filter inputs: the parsed frame, its updated state parts, unfiltered picture. */
  private record Input(
      ParsedFrame frame,
      Segmentation segments,
      FilterAdjustments adjustments,
      Picture unfiltered) {}

  @Override
  public Integer call() throws Exception {
    Integer given = cq;
    int q = given != null ? given : DecoderSpeedBench.defaultCq(source);
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "excamera-bench");
    Path ivf = StreamMaker.ivf(dir, source, 1280, 720, 300, DecoderSpeedBench.vpxencFlags(q));
    List<Input> inputs = new ArrayList<>();
    DecoderState state = DecoderState.initial();
    for (IvfFrame f : IvfReader.readAll(ivf)) {
      ParsedFrame parsed = Vp8Decoder.parse(state, CompressedFrame.of(f.data()));
      DecodeResult r = Vp8Decoder.reconstruct(state, parsed);
      DecoderState next = r.next();
      PictureBuilder canvas = PictureBuilder.blank(next.dimensions());
      Reconstruction.run(parsed, next.segmentation(), state.references(), canvas);
      inputs.add(new Input(parsed, next.segmentation(), next.filterAdjustments(), canvas.freeze()));
      state = next;
    }
    out.printf("stream: %s, %d frames%n", ivf, inputs.size());
    boolean both = VectorKernels.runFast();
    String ab = abProperty;
    String[] kinds =
        ab != null
            ? new String[] {ab + "=false", ab + "=true"}
            : both ? new String[] {"vector", "scalar"} : new String[] {"scalar"};
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    for (int pass = 0; pass < kinds.length * (runs + 2); pass++) {
      int kind = pass % kinds.length;
      int r = pass / kinds.length;
      if (ab != null) {
        System.setProperty(ab, Boolean.toString(kind == 1));
      } else {
        System.setProperty(VECTOR_PROPERTY, Boolean.toString(kinds[kind].equals("vector")));
      }
      long copy = 0;
      long total = 0;
      for (Input in : inputs) {
        long t0 = threads.getCurrentThreadCpuTime();
        PictureBuilder c = PictureBuilder.copyOf(in.unfiltered());
        long t1 = threads.getCurrentThreadCpuTime();
        LoopFilterPass.run(in.frame(), in.segments(), in.adjustments(), c);
        long t2 = threads.getCurrentThreadCpuTime();
        copy += t1 - t0;
        total += t2 - t1;
      }
      double msPerFrame = total / 1e6 / inputs.size();
      out.printf(
          "  pass %d, %s: loop filter %.3f ms/frame of thread CPU time (copy %.3f)%n",
          r + 1, kinds[kind], msPerFrame, copy / 1e6 / inputs.size());
      if (r >= 2) {
        best[kind] = Math.min(best[kind], msPerFrame);
      }
    }
    for (int k = 0; k < kinds.length; k++) {
      out.printf(
          "loop filter, %s: %.3f ms/frame of thread CPU time (best of %d after 2 warm-up passes)%n",
          kinds[k], best[k], runs);
    }
    if (ab != null) {
      out.printf("%s / %s: %.3f%n", kinds[1], kinds[0], best[1] / best[0]);
    } else if (both) {
      out.printf("vector speed-up: %.2f%n", best[1] / best[0]);
    }
    return 0;
  }
}
