package org.excamera.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.excamera.workflows.ProgressProbe;
import org.jspecify.annotations.Nullable;

/**
 * Shows a job's progress on stderr: a bar of chunk-stages done (stage 1 for every chunk, pass 1 for
 * positions ≥ 1, a chain link for positions ≥ 2) with the per-stage counts beside it. Without a
 * terminal it prints one line per phase instead of redrawing.
 */
final class ProgressView implements AutoCloseable {
  private final PrintStream err;
  private final boolean interactive;
  private final int batchChunks;
  private @Nullable ProgressBar bar;
  private String lastPhase = "";

  ProgressView(PrintStream err, boolean interactive, int batchChunks) {
    this.err = err;
    this.interactive = interactive;
    this.batchChunks = batchChunks;
  }

  void update(ProgressProbe.Snapshot s) {
    if (!s.phase().equals(lastPhase)) {
      lastPhase = s.phase();
      if (!interactive) {
        err.println(
            "excamera: "
                + s.phase().toLowerCase(java.util.Locale.ROOT)
                + (s.chunks() > 0
                    ? " (" + s.chunks() + " chunks, " + s.batches() + " batches)"
                    : ""));
      }
    }
    if (!interactive || s.chunks() == 0) {
      return;
    }
    int stitchTotal = s.chunks() - s.batches();
    int rebaseTotal = rebaseTotal(s.chunks(), s.batches());
    ProgressBar b = bar;
    if (b == null) {
      b =
          new ProgressBarBuilder()
              .setTaskName("encode")
              .setInitialMax((long) s.chunks() + stitchTotal + rebaseTotal)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .setUpdateIntervalMillis(100)
              .continuousUpdate()
              .build();
      bar = b;
    }
    b.stepTo((long) s.all().encoded() + s.all().stitched() + s.all().rebased());
    StringBuilder extra = new StringBuilder();
    extra.append("vpxenc ").append(s.all().encoded()).append('/').append(s.chunks());
    if (stitchTotal > 0) {
      extra
          .append(" · enc-given-state ")
          .append(s.all().stitched())
          .append('/')
          .append(stitchTotal);
    }
    if (rebaseTotal > 0) {
      extra.append(" · rebase ").append(s.all().rebased()).append('/').append(rebaseTotal);
    }
    extra.append(" · ").append(s.phase().toLowerCase(java.util.Locale.ROOT));
    b.setExtraMessage(extra.toString());
  }

  /** Chain links: positions ≥ 2 of every batch. */
  private int rebaseTotal(int chunks, int batches) {
    int full = chunks / batchChunks;
    int rest = chunks % batchChunks;
    return full * Math.max(0, batchChunks - 2) + Math.max(0, rest - 2);
  }

  @Override
  public void close() {
    ProgressBar b = bar;
    if (b != null) {
      b.close();
    }
  }
}
