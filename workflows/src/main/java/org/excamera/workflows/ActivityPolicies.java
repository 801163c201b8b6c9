package org.excamera.workflows;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import java.time.Duration;

/**
 * Every timeout and retry policy of the pipeline, in one place. Chunk stages are sized for AWS
 * Lambda (a function runs at most 15 minutes; a 6-frame 4K chunk takes ~10 s of vpxenc, ~3 s of
 * decode, ~17 s of encode-given-state and rebase, design §6) and for in-process runs, where a stage
 * of a CIF chunk takes well under a second.
 */
public final class ActivityPolicies {
  private ActivityPolicies() {}

  /** Errors that no retry can fix: the workers report them as such, listed here as well. */
  private static final String[] NOT_RETRYABLE = {
    "InvalidRequestException",
    "UnsupportedStageException",
    "OutputMismatchException",
    "BlobNotFoundException",
    "CorruptFrameException",
    "UnsupportedFeatureException",
    "StateMismatchException",
    "IvfFormatException",
    "Y4mFormatException",
  };

  /**
   * How long a chain link may wait for its predecessor's state: the predecessor is dispatched
   * before it (in chain order), so this covers one predecessor's rebase plus its retries; past it
   * the link fails retryably and frees its worker.
   */
  public static final Duration STATE_WAIT = Duration.ofMinutes(5);

  /**
   * Split: reads the whole source once and writes every chunk; minutes for a long 4K source.
   * Retried a few times on I/O failures, with backoff.
   */
  public static final ActivityOptions SPLIT =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setRetryOptions(retries(Duration.ofSeconds(1), Duration.ofMinutes(1), 5))
          .build();

  /** Assembly: reads every final chunk and writes the output; same scale as the split. */
  public static final ActivityOptions ASSEMBLE = SPLIT;

  /** Cleanup: deletes a job's objects; best effort, short. */
  public static final ActivityOptions CLEANUP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(retries(Duration.ofSeconds(1), Duration.ofSeconds(30), 3))
          .build();

  /**
   * Stage 1 and 2 of a chunk: one Lambda invocation each (at most 15 minutes), heartbeating every 2
   * s while waiting, so a lost worker is noticed after 60 s. Five attempts with exponential backoff
   * (1 s to 30 s) ride out throttling and crashed containers.
   */
  public static final ActivityOptions CHUNK_STAGE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(16))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setCancellationType(ActivityCancellationType.TRY_CANCEL)
          .setRetryOptions(retries(Duration.ofSeconds(1), Duration.ofSeconds(30), 5))
          .build();

  /**
   * A link of the serial rebase chain: on the critical path, so retried sooner (0.5 s to 10 s) and
   * more often; its start-to-close covers {@link #STATE_WAIT} plus the rebase itself.
   */
  public static final ActivityOptions CHAIN_LINK =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(16))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setCancellationType(ActivityCancellationType.TRY_CANCEL)
          .setRetryOptions(retries(Duration.ofMillis(500), Duration.ofSeconds(10), 8))
          .build();

  /**
   * One child workflow per batch; cancelling the job cancels the batches and waits for them, so
   * cleanup runs after the last stage stopped.
   */
  public static ChildWorkflowOptions batch(String workflowId) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
        .build();
  }

  private static RetryOptions retries(Duration initial, Duration max, int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(max)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(NOT_RETRYABLE)
        .build();
  }
}
