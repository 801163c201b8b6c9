package org.excamera.worker.stage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.excamera.worker.StageFailedException;
import org.excamera.worker.port.ChunkEncoder;

/**
 * libvpx's {@code vpxenc} as stage 1's encoder, with the flags of design §2 (those of the original
 * ExCamera pipeline) and one thread, so output is byte-reproducible on any worker. A non-zero exit
 * is a retryable {@link StageFailedException} carrying the tail of vpxenc's stderr.
 */
public final class VpxencEncoder implements ChunkEncoder {
  /** Environment variable naming the vpxenc binary (the Lambda layer puts it in /opt/bin). */
  public static final String ENV_VPXENC = "EXCAMERA_VPXENC";

  private static final long TIMEOUT_SECONDS = 600;

  private final Path binary;

  public VpxencEncoder(Path binary) {
    this.binary = binary;
  }

  /** vpxenc from {@code $EXCAMERA_VPXENC}, else the PATH, else {@code /opt/bin/vpxenc}. */
  public static Optional<VpxencEncoder> locate() {
    String env = System.getenv(ENV_VPXENC);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? Optional.of(new VpxencEncoder(p)) : Optional.empty();
    }
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>();
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.add("/opt/bin");
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "vpxenc");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new VpxencEncoder(candidate));
      }
    }
    return Optional.empty();
  }

  /** The command line of design §2 for one chunk, without the program name. */
  public static List<String> arguments(int cqLevel, Path in, Path out) {
    return List.of(
        "--codec=vp8",
        "--ivf",
        "-q",
        "--good",
        "--cpu-used=0",
        "--end-usage=cq",
        "--min-q=0",
        "--max-q=63",
        "--cq-level=" + cqLevel,
        "--buf-initial-sz=10000",
        "--buf-optimal-sz=20000",
        "--buf-sz=40000",
        "--undershoot-pct=100",
        "--passes=2",
        "--auto-alt-ref=1",
        "--threads=1",
        "--token-parts=0",
        "--tune=ssim",
        "--target-bitrate=4294967295",
        "-o",
        out.toString(),
        in.toString());
  }

  @Override
  public String name() {
    return "vpxenc";
  }

  @Override
  public byte[] encode(Path rawY4m, int cqLevel, Path workDir)
      throws IOException, InterruptedException {
    Path out = workDir.resolve("vpxenc.ivf");
    Path err = workDir.resolve("vpxenc.stderr");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments(cqLevel, rawY4m, out));
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new StageFailedException("vpxenc did not finish in " + TIMEOUT_SECONDS + " s");
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    int code = process.exitValue();
    if (code != 0 || !Files.isRegularFile(out)) {
      throw new StageFailedException("vpxenc exited with %d: %s".formatted(code, tail(err)));
    }
    return Files.readAllBytes(out);
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "(no stderr)";
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
  }
}
