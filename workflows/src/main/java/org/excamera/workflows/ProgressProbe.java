package org.excamera.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;

/**
 * Client side of the progress query: the job's own counts (finished batches) plus a query to each
 * batch it reports as running. Not workflow code; used by progress bars.
 */
public final class ProgressProbe {
  private ProgressProbe() {}

  /** Chunks per stage over the whole job, and the job's phase. */
  public record Snapshot(
      String phase, int chunks, int batches, int batchesDone, BatchProgress all) {}

  public static Snapshot read(WorkflowClient client, String workflowId) {
    JobProgress job = client.newWorkflowStub(EncodeJobWorkflow.class, workflowId).progress();
    BatchProgress all = job.finished();
    for (String child : job.runningBatches()) {
      try {
        all = all.plus(client.newWorkflowStub(EncodeBatchWorkflow.class, child).progress());
      } catch (WorkflowNotFoundException | WorkflowQueryException e) {
        // not started yet, or finished between the two queries: counted on the next poll
      } catch (WorkflowException e) {
        // the batch failed or was cancelled; the job reports that itself
      }
    }
    return new Snapshot(job.phase(), job.chunks(), job.batches(), job.batchesDone(), all);
  }
}
