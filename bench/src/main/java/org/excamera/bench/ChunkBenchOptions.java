package org.excamera.bench;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the benchmarks that cut a clip into vpxenc chunks ({@link EncodeGivenStateBench},
 * {@link RebaseSpeedBench}): which clip, how many of its frames, the chunk length, vpxenc's
 * cq-level and how many timed runs.
 */
final class ChunkBenchOptions {
  @Mixin private final HelpOption help = new HelpOption();

  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec command;

  @Option(
      names = "--clip",
      paramLabel = "FILE.y4m",
      description = "the clip (default: foreman from the shared test data)")
  private @Nullable Path clip;

  @Option(
      names = "--frames",
      paramLabel = "N",
      description = "frames of the clip to use (default: ${DEFAULT-VALUE})")
  int frames;

  @Option(
      names = "--chunk",
      paramLabel = "N",
      description = "frames per chunk (default: ${DEFAULT-VALUE})")
  int chunk = 6;

  @Option(
      names = "--cq",
      paramLabel = "Q",
      description = "vpxenc's --cq-level (default: ${DEFAULT-VALUE})")
  int cq = 32;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description =
          "timed runs, each after a vpxenc run of all chunks; the best of each counts, and the"
              + " median of the pairs (default: ${DEFAULT-VALUE})")
  private int iterations = 5;

  /** Options whose {@code --frames} defaults to {@code defaultFrames}. */
  ChunkBenchOptions(int defaultFrames) {
    this.frames = defaultFrames;
  }

  /** The timed runs asked for: at least one, else a usage error. */
  int iterations() {
    CommandSpec c = command;
    if (iterations < 1 && c != null) {
      throw new ParameterException(
          c.commandLine(), "--iterations must be at least 1: " + iterations);
    }
    return iterations;
  }

  /** The clip asked for, or the default one. */
  Path clip() {
    return clip != null ? clip : BenchClips.defaultClip();
  }
}
