package org.excamera.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.excamera.workflows.EncodeJobInput;
import org.excamera.workflows.EncodeJobResult;
import org.excamera.workflows.EncodeJobWorkflow;
import org.excamera.workflows.ProgressProbe;
import org.jspecify.annotations.Nullable;

/**
 * Starts {@code EncodeVideo}, polls its progress into a {@link ProgressView} until it ends, and
 * cancels it when the process is interrupted (Ctrl-C), so its batches stop and its objects are
 * deleted.
 */
final class EncodeRunner {
  private static final Duration POLL = Duration.ofMillis(200);

  private EncodeRunner() {}

  /** A job that failed or was cancelled, with the root cause's type and message. */
  static final class EncodeFailedException extends Exception {
    private final boolean cancelled;

    EncodeFailedException(String message, boolean cancelled, @Nullable Throwable cause) {
      super(message, cause);
      this.cancelled = cancelled;
    }

    boolean cancelled() {
      return cancelled;
    }
  }

  static EncodeJobResult run(
      WorkflowClient client, String taskQueue, EncodeJobInput input, ProgressView view)
      throws EncodeFailedException, InterruptedException {
    String workflowId = "encode-" + UUID.randomUUID().toString().substring(0, 8);
    EncodeJobWorkflow job =
        client.newWorkflowStub(
            EncodeJobWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId).build());
    WorkflowClient.start(job::run, input);
    WorkflowStub untyped = WorkflowStub.fromTyped(job);
    CompletableFuture<EncodeJobResult> result = untyped.getResultAsync(EncodeJobResult.class);
    Thread cancelOnExit =
        new Thread(
            () -> {
              if (!result.isDone()) {
                untyped.cancel();
                try {
                  result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                  // cancelled, as asked
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "excamera-cancel");
    Runtime.getRuntime().addShutdownHook(cancelOnExit);
    try {
      while (!result.isDone()) {
        try {
          view.update(ProgressProbe.read(client, workflowId));
        } catch (WorkflowException | io.grpc.StatusRuntimeException e) {
          // the job finished between two polls, or the service is busy: poll again
        }
        try {
          result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // keep polling
        } catch (ExecutionException e) {
          break;
        }
      }
      try {
        view.update(ProgressProbe.read(client, workflowId));
      } catch (RuntimeException e) {
        // the final counts are in the result
      }
      return result.get();
    } catch (ExecutionException e) {
      throw explain(e.getCause() == null ? e : e.getCause());
    } finally {
      view.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cancelOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cancels the job
      }
    }
  }

  /** The innermost application failure's type and message, or the cancellation. */
  private static EncodeFailedException explain(Throwable failure) {
    ApplicationFailure app = null;
    boolean cancelled = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a) {
        app = a;
      }
      if (t instanceof CanceledFailure) {
        cancelled = true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (app != null) {
      return new EncodeFailedException(
          app.getType() + ": " + app.getOriginalMessage(), cancelled, failure);
    }
    return new EncodeFailedException(
        cancelled ? "the encode was cancelled" : String.valueOf(failure.getMessage()),
        cancelled,
        failure);
  }
}
