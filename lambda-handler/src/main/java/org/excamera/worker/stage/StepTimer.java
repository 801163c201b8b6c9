package org.excamera.worker.stage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.excamera.worker.StageTiming;
import org.excamera.worker.port.Clock;

/** Records how long each step of a stage takes, in order. */
final class StepTimer {
  /** A step that may do I/O or wait. */
  interface Step<T> {
    T run() throws IOException, InterruptedException;
  }

  /** A step with no result. */
  interface VoidStep {
    void run() throws IOException, InterruptedException;
  }

  private final Clock clock;
  private final List<StageTiming> timings = new ArrayList<>();

  StepTimer(Clock clock) {
    this.clock = clock;
  }

  <T> T time(String step, Step<T> body) throws IOException, InterruptedException {
    long startMillis = clock.epochMillis();
    long start = clock.nanoTime();
    try {
      return body.run();
    } finally {
      timings.add(new StageTiming(step, startMillis, (clock.nanoTime() - start) / 1_000_000));
    }
  }

  void run(String step, VoidStep body) throws IOException, InterruptedException {
    time(
        step,
        () -> {
          body.run();
          return Boolean.TRUE;
        });
  }

  List<StageTiming> timings() {
    return List.copyOf(timings);
  }
}
