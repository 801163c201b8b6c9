package org.excamera.activities;

import java.util.List;
import org.excamera.worker.StageTiming;
import org.jspecify.annotations.Nullable;

/**
 * What one stage of one chunk produced.
 *
 * @param chunk the chunk index
 * @param output the IVF written (blob URI)
 * @param bytes its size
 * @param frames frames in it
 * @param keyFrames key frames in it
 * @param stateDigest digest of the state published, if any
 * @param timings the worker's steps
 */
public record ChunkTaskResult(
    int chunk,
    String output,
    long bytes,
    int frames,
    int keyFrames,
    @Nullable String stateDigest,
    List<StageTiming> timings) {
  public ChunkTaskResult {
    timings = List.copyOf(timings);
  }

  /** Total milliseconds of steps named {@code step}. */
  public long millis(String step) {
    long sum = 0;
    for (StageTiming t : timings) {
      if (t.step().equals(step)) {
        sum += t.millis();
      }
    }
    return sum;
  }
}
