package org.excamera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes benchmark streams at run time (no video is committed): ffmpeg renders a synthetic source
 * ({@code testsrc2} or {@code mandelbrot}) or scales and loops the natural clip {@code foreman}
 * (from the test data) and pipes it into vpxenc (so one-pass settings only). Results are cached by
 * name in the given directory.
 */
final class StreamMaker {
  private StreamMaker() {}

  /** An IVF of {@code frames} frames of {@code source} at {@code w}x{@code h}, made once. */
  static Path ivf(Path dir, String source, int w, int h, int frames, List<String> vpxencFlags)
      throws IOException, InterruptedException {
    String name = "%s_%dx%d_%df_%08x.ivf".formatted(source, w, h, frames, vpxencFlags.hashCode());
    Path ivf = dir.resolve(name);
    if (Files.isRegularFile(ivf) && Files.size(ivf) > 32 + 12) {
      return ivf;
    }
    Files.createDirectories(dir);
    String input =
        source.equals("foreman")
            ? "-stream_loop -1 -i '%s' -vf scale=%d:%d"
                .formatted(BenchClips.defaultClip().toAbsolutePath(), w, h)
            : "-f lavfi -i %s=size=%dx%d:rate=30".formatted(source, w, h);
    String encoder =
        "vpxenc --ivf -q --codec=vp8 --threads=1 --limit=%d %s -o '%s' -"
            .formatted(frames, String.join(" ", vpxencFlags), ivf);
    String cmd =
        "ffmpeg -v error %s -frames:v %d -pix_fmt yuv420p -f yuv4mpegpipe - | %s"
            .formatted(input, frames, encoder);
    Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", cmd).inheritIO().start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || Files.size(ivf) <= 32 + 12) {
      Files.deleteIfExists(ivf);
      throw new IOException("could not make the stream: " + cmd);
    }
    return ivf;
  }
}
