package org.excamera.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.excamera.worker.StageTiming;

/**
 * Time spent in one step across a job: how many timed steps, their total and largest duration, and
 * the wall-clock span from the first start to the last end (epoch ms reported by workers).
 */
public record StageStats(
    String stage, int count, long totalMillis, long maxMillis, long firstStart, long lastEnd) {

  /** Wall-clock span of the stage across all workers. */
  public long spanMillis() {
    return Math.max(0, lastEnd - firstStart);
  }

  static StageStats of(StageTiming t) {
    return new StageStats(
        t.step(),
        1,
        t.millis(),
        t.millis(),
        t.startEpochMillis(),
        t.startEpochMillis() + t.millis());
  }

  StageStats plus(StageStats o) {
    return new StageStats(
        stage,
        count + o.count,
        totalMillis + o.totalMillis,
        Math.max(maxMillis, o.maxMillis),
        Math.min(firstStart, o.firstStart),
        Math.max(lastEnd, o.lastEnd));
  }

  /** Merges stats by stage name; the result is sorted by first start, then name. */
  static List<StageStats> merge(List<StageStats> a, List<StageStats> b) {
    Map<String, StageStats> byName = new TreeMap<>();
    for (List<StageStats> list : List.of(a, b)) {
      for (StageStats s : list) {
        byName.merge(s.stage(), s, StageStats::plus);
      }
    }
    List<StageStats> out = new ArrayList<>(byName.values());
    out.sort(
        (x, y) ->
            x.firstStart() != y.firstStart()
                ? Long.compare(x.firstStart(), y.firstStart())
                : x.stage().compareTo(y.stage()));
    return List.copyOf(out);
  }

  /** Stats of a list of timings. */
  static List<StageStats> of(List<StageTiming> timings) {
    List<StageStats> out = new ArrayList<>();
    for (StageTiming t : timings) {
      out = merge(out, List.of(of(t)));
    }
    return out;
  }
}
