package org.excamera.activities.invoke;

import java.time.Duration;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;

/**
 * Runs a worker request somewhere and returns its response. Implementations call {@code heartbeat}
 * regularly while they wait; if it throws (the activity was cancelled or timed out), they abandon
 * the request and rethrow.
 */
public interface WorkerInvoker {
  /**
   * @param request the stage to run
   * @param budget how long the worker may take (its deadline)
   * @param heartbeat called at least every few seconds while waiting
   */
  WorkerResponse invoke(WorkerRequest request, Duration budget, Runnable heartbeat)
      throws InterruptedException;

  /** A short description for logs, e.g. {@code in-process (2 workers)}. */
  String describe();
}
