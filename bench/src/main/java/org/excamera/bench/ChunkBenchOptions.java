package org.excamera.bench;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that cut a clip into vpxenc chunks ({@link EncodeGivenStateBench},
 * {@link RebaseSpeedBench}): which clip, how many of its frames, the chunk length, vpxenc's
 * cq-level and how many timed runs.
 */
final class ChunkBenchOptions {
  @Mixin private final HelpOption help = new HelpOption();

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
          "timed runs, of which the best counts, each paired with a vpxenc run of all chunks"
              + " (default: ${DEFAULT-VALUE})")
  int iterations = 5;

  /** Options whose {@code --frames} defaults to {@code defaultFrames}. */
  ChunkBenchOptions(int defaultFrames) {
    this.frames = defaultFrames;
  }

  /** The clip asked for, or the default one. */
  Path clip() {
    return clip != null ? clip : BenchClips.defaultClip();
  }
}
