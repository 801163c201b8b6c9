package org.excamera.worker;

import org.jspecify.annotations.Nullable;

/**
 * The worker's answer: exactly one of {@code output} (success) and {@code error} (a typed failure
 * that says whether a retry may help).
 */
public record WorkerResponse(
    int version, @Nullable ChunkOutput output, @Nullable WorkerError error) {
  public WorkerResponse {
    if ((output == null) == (error == null)) {
      throw new IllegalArgumentException("a response has exactly one of output and error");
    }
  }

  public static WorkerResponse ok(ChunkOutput output) {
    return new WorkerResponse(WorkerRequest.VERSION, output, null);
  }

  public static WorkerResponse failed(WorkerError error) {
    return new WorkerResponse(WorkerRequest.VERSION, null, error);
  }

  public boolean succeeded() {
    return output != null;
  }
}
