package org.excamera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.excamera.worker.stage.StitchCodecs;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code excamera demo}: makes a short synthetic clip with ffmpeg (lavfi {@code testsrc2}) and
 * encodes it on embedded defaults, printing the summary. ExCamera[6,16] when this build can stitch
 * chunks; until then the naive ExCamera[6,1], and it says so.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Make a short test clip with ffmpeg and encode it with ExCamera on embedded defaults.",
      "Needs ffmpeg and vpxenc (scripts/setup installs them)."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--frames",
      paramLabel = "F",
      description = "Frames in the clip (default: ${DEFAULT-VALUE}, 3 s at 24 fps).")
  int frames = 72;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "Frame size (default: ${DEFAULT-VALUE}).")
  String size = "352x288";

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where the clip and the output go (default: a new temporary directory).")
  Path dir = Path.of("");

  @Option(
      names = "--workers",
      paramLabel = "K",
      description = "Chunk stages computing at once (default: number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!size.matches("[0-9]{2,5}x[0-9]{2,5}") || frames < 1 || frames > 100_000) {
      err.println("excamera demo: --size must be WxH and --frames 1..100000");
      return 2;
    }
    try {
      Path where = dir.toString().isEmpty() ? Files.createTempDirectory("excamera-demo-") : dir;
      Files.createDirectories(where);
      Path clip = where.resolve("testsrc2_%s_%df.y4m".formatted(size, frames));
      Path ivf = where.resolve("testsrc2_%s_%df.ivf".formatted(size, frames));
      err.printf("excamera demo: making %s with ffmpeg (lavfi testsrc2)%n", clip);
      err.flush();
      String problem = makeClip(clip);
      if (problem != null) {
        err.println("excamera demo: " + problem);
        return 1;
      }
      EncodeCommand.JobOptions job = new EncodeCommand.JobOptions();
      if (!StitchCodecs.available().canStitch()) { // a build without the encoder of issue 4
        job.batchChunks = 1;
        err.println(
            "excamera demo: this build cannot stitch chunks yet (the Java encoder, issue 4):"
                + " running the naive ExCamera[6,1]");
      }
      HostOptions host = new HostOptions();
      host.workers = workers;
      int code =
          EncodeCommand.run(out, err, clip.toString(), ivf.toString(), job, host, null, false);
      if (code == 0) {
        out.println(
            "  play it:    vpxdec --i420 -o /dev/null " + ivf + "   (or ffplay " + ivf + ")");
        out.flush();
      }
      return code;
    } catch (IOException e) {
      err.println("excamera demo: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** Runs ffmpeg; returns null on success, else what went wrong. */
  private @Nullable String makeClip(Path clip) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            "ffmpeg",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=" + size + ":rate=24",
            "-frames:v",
            Integer.toString(frames),
            "-pix_fmt",
            "yuv420p",
            "-f",
            "yuv4mpegpipe",
            clip.toString());
    Process p;
    try {
      p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return "ffmpeg is not installed (run scripts/setup): " + e.getMessage();
    }
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      return "ffmpeg failed: " + stderr.strip();
    }
    return null;
  }
}
