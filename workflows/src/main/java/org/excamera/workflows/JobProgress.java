package org.excamera.workflows;

import java.util.List;

/**
 * The answer of {@code EncodeVideo}'s progress query.
 *
 * @param phase {@code STARTING}, {@code SPLITTING}, {@code ENCODING}, {@code ASSEMBLING}, {@code
 *     CLEANING_UP}, {@code DONE}
 * @param chunks chunks in the job (0 until split)
 * @param batches batches in the job
 * @param batchesDone batches finished
 * @param finished chunks per stage of the finished batches only
 * @param runningBatches workflow ids of batch children now running (query them for the rest)
 */
public record JobProgress(
    String phase,
    int chunks,
    int batches,
    int batchesDone,
    BatchProgress finished,
    List<String> runningBatches) {
  public JobProgress {
    runningBatches = List.copyOf(runningBatches);
  }
}
