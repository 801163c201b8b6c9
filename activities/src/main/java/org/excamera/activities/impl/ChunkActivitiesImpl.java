package org.excamera.activities.impl;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Locale;
import org.excamera.activities.ChunkActivities;
import org.excamera.activities.ChunkTaskInput;
import org.excamera.activities.ChunkTaskResult;
import org.excamera.activities.invoke.WorkerInvoker;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.Operation;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.jspecify.annotations.Nullable;

/**
 * Each chunk activity builds one {@link WorkerRequest} (blob references from {@link JobLayout}),
 * runs it through the invoker while heartbeating, and turns the worker's typed error into a
 * retryable or non-retryable {@link ApplicationFailure}.
 */
public final class ChunkActivitiesImpl implements ChunkActivities {
  private final WorkerInvoker invoker;

  public ChunkActivitiesImpl(WorkerInvoker invoker) {
    this.invoker = invoker;
  }

  @Override
  public ChunkTaskResult encodeChunk(ChunkTaskInput input) {
    JobLayout layout = new JobLayout(input.workRoot());
    return run(input, Operation.ENCODE_CHUNK, null, layout.vpx(input.chunk()));
  }

  @Override
  public ChunkTaskResult encodeGivenState(ChunkTaskInput input) {
    JobLayout layout = new JobLayout(input.workRoot());
    return run(
        input,
        Operation.ENCODE_GIVEN_STATE,
        layout.vpx(input.chunk()),
        layout.pass1(input.chunk()));
  }

  @Override
  public ChunkTaskResult rebaseChunk(ChunkTaskInput input) {
    JobLayout layout = new JobLayout(input.workRoot());
    return run(input, Operation.REBASE, layout.pass1(input.chunk()), layout.rebased(input.chunk()));
  }

  /** The worker request for a task (public for tests and the Lambda smoke check). */
  public static WorkerRequest request(
      ChunkTaskInput input, Operation op, @Nullable BlobRef prediction, BlobRef output) {
    JobLayout layout = new JobLayout(input.workRoot());
    return new WorkerRequest(
        WorkerRequest.VERSION,
        op,
        input.jobId(),
        input.batch(),
        input.chunk(),
        input.position(),
        input.frames(),
        layout.raw(input.chunk()),
        prediction,
        output,
        input.cqLevel(),
        encoderKind(input.encoder()),
        input.publishState(),
        input.rendezvous(),
        input.stateWaitMillis());
  }

  static EncoderKind encoderKind(String name) {
    try {
      return EncoderKind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unknown encoder '" + name + "' (vpxenc or java)", "InvalidRequestException");
    }
  }

  private ChunkTaskResult run(
      ChunkTaskInput input, Operation op, @Nullable BlobRef prediction, BlobRef output) {
    WorkerRequest request;
    try {
      request = request(input, op, prediction, output);
    } catch (IllegalArgumentException e) {
      throw Failures.badInput(e, "chunk " + input.chunk() + " " + op);
    }
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    Duration budget = ctx.getInfo().getStartToCloseTimeout();
    if (budget.isZero()) {
      budget = Duration.ofMinutes(15);
    }
    WorkerResponse response;
    try {
      response = invoker.invoke(request, budget, () -> ctx.heartbeat(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure(
          request.label() + ": interrupted", "InterruptedException");
    }
    ChunkOutput out = response.output();
    if (out == null) {
      WorkerError error = response.error();
      throw Failures.of(
          error == null ? new WorkerError("UnknownError", "no output", true) : error,
          request.label());
    }
    return new ChunkTaskResult(
        input.chunk(),
        out.output().uri(),
        out.bytes(),
        out.frames(),
        out.keyFrames(),
        out.stateDigest(),
        out.timings());
  }
}
