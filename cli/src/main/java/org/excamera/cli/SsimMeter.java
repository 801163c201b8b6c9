package org.excamera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mean SSIM of an encoded file against its Y4M source, measured with ffmpeg's {@code ssim} filter
 * (the "All" value: Y, U and V weighted by their sample counts, as in the test data's baselines).
 * In dB: −10·log10(1 − SSIM). Empty when ffmpeg is missing or fails.
 */
final class SsimMeter {
  private static final Pattern ALL = Pattern.compile("SSIM Y:.* All:([0-9.]+)");

  private SsimMeter() {}

  static OptionalDouble meanSsim(Path encoded, Path source) {
    List<String> command =
        List.of(
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-i",
            encoded.toString(),
            "-i",
            source.toString(),
            "-lavfi",
            // Pair frames by index, not by timestamp: WebM keeps millisecond timestamps, which
            // would pair some frames of a 30000/1001 source with their neighbours.
            "[0:v]setpts=N/(30*TB)[a];[1:v]setpts=N/(30*TB)[b];[a][b]ssim",
            "-f",
            "null",
            "-");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectErrorStream(false)
              .start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        return OptionalDouble.empty();
      }
      Matcher m = ALL.matcher(err);
      double value = Double.NaN;
      while (m.find()) {
        value = Double.parseDouble(m.group(1));
      }
      return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    } catch (IOException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
  }

  static double decibels(double ssim) {
    return -10.0 * Math.log10(1.0 - ssim);
  }
}
