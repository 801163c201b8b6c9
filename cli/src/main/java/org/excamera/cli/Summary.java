package org.excamera.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.excamera.workflows.EncodeJobResult;
import org.excamera.workflows.StageStats;

/** The summary printed after an encode. */
final class Summary {
  private Summary() {}

  static void print(
      PrintWriter out,
      EncodeJobResult r,
      String source,
      OptionalDouble ssim,
      long clientWallMillis,
      String where) {
    out.printf(
        Locale.ROOT,
        "ExCamera[%d,%d] %s -> %s%n",
        r.chunkFrames(),
        r.batchChunks(),
        source,
        r.output());
    out.printf(
        Locale.ROOT,
        "  frames      %d (%dx%d, %.2f s)%n",
        r.frames(),
        r.width(),
        r.height(),
        r.seconds());
    out.printf(
        Locale.ROOT,
        "  chunks      %d of %d frames, %d batches, %d key frames%n",
        r.chunks(),
        r.chunkFrames(),
        r.batches(),
        r.keyFrames());
    out.printf(
        Locale.ROOT,
        "  size        %d bytes, %.1f kbit/s (cq-level %d, %s)%n",
        r.bytes(),
        r.kilobitsPerSecond(),
        r.cqLevel(),
        r.encoder());
    if (ssim.isPresent()) {
      out.printf(
          Locale.ROOT,
          "  quality     mean SSIM %.5f (%.2f dB) vs source (ffmpeg ssim)%n",
          ssim.getAsDouble(),
          SsimMeter.decibels(ssim.getAsDouble()));
    } else {
      out.println("  quality     (not measured: ffmpeg unavailable or output not local)");
    }
    out.printf(
        Locale.ROOT,
        "  wall time   %.2f s workflow, %.2f s in all (%s)%n",
        r.wallMillis() / 1000.0,
        clientWallMillis / 1000.0,
        where);
    out.println("  time per stage   total (sum over chunks)   span (first start..last end)   max");
    for (StageStats s : r.stages()) {
      out.printf(
          Locale.ROOT,
          "    %-20s %8.2f s %4d x   %8.2f s   %8.3f s%n",
          s.stage(),
          s.totalMillis() / 1000.0,
          s.count(),
          s.spanMillis() / 1000.0,
          s.maxMillis() / 1000.0);
    }
    out.flush();
  }
}
