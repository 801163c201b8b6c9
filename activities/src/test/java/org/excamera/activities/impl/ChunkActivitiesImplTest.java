package org.excamera.activities.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.excamera.activities.ChunkActivities;
import org.excamera.activities.ChunkTaskInput;
import org.excamera.activities.ChunkTaskResult;
import org.excamera.activities.invoke.WorkerInvoker;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.Operation;
import org.excamera.worker.StageTiming;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkActivitiesImplTest {
  private final List<WorkerRequest> requests = new ArrayList<>();
  private WorkerResponse answer =
      WorkerResponse.failed(new WorkerError("StageFailedException", "unset", true));
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  private ChunkActivities activities() {
    WorkerInvoker invoker =
        new WorkerInvoker() {
          @Override
          public WorkerResponse invoke(WorkerRequest request, Duration budget, Runnable beat) {
            requests.add(request);
            beat.run();
            return answer;
          }

          @Override
          public String describe() {
            return "scripted";
          }
        };
    env.registerActivitiesImplementations(new ChunkActivitiesImpl(invoker));
    return env.newActivityStub(
        ChunkActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @AfterEach
  void close() {
    env.close();
  }

  private static ChunkTaskInput task(int chunk, int position) {
    return new ChunkTaskInput(
        "job", "file:///fake-work/jobs/job", 1, chunk, position, 6, 30, "vpxenc", true, null, 5000);
  }

  @Test
  void eachStageReadsAndWritesTheObjectsOfTheLayout() {
    answer =
        WorkerResponse.ok(
            new ChunkOutput(
                BlobRef.parse("file:///fake-work/jobs/job/chunk-000005/vpx.ivf"),
                777,
                6,
                1,
                "d1",
                List.of(new StageTiming("vpxenc", 5, 9))));
    ChunkActivities a = activities();
    ChunkTaskResult r = a.encodeChunk(task(5, 1));
    a.encodeGivenState(task(5, 1));
    a.rebaseChunk(task(6, 2));
    assertEquals(777, r.bytes());
    assertEquals(9, r.millis("vpxenc"));
    WorkerRequest s1 = requests.get(0);
    assertEquals(Operation.ENCODE_CHUNK, s1.operation());
    assertEquals("file:///fake-work/jobs/job/chunk-000005/raw.y4m", s1.raw().uri());
    assertEquals("file:///fake-work/jobs/job/chunk-000005/vpx.ivf", s1.output().uri());
    WorkerRequest s2 = requests.get(1);
    assertEquals(
        "file:///fake-work/jobs/job/chunk-000005/vpx.ivf",
        Objects.requireNonNull(s2.prediction()).uri());
    assertEquals("file:///fake-work/jobs/job/chunk-000005/pass1.ivf", s2.output().uri());
    WorkerRequest s3 = requests.get(2);
    assertEquals(Operation.REBASE, s3.operation());
    assertEquals(
        "file:///fake-work/jobs/job/chunk-000006/pass1.ivf",
        Objects.requireNonNull(s3.prediction()).uri());
    assertEquals("file:///fake-work/jobs/job/chunk-000006/rebased.ivf", s3.output().uri());
  }

  @Test
  void workerErrorsBecomeFailuresOfTheSameTypeAndRetryability() {
    ChunkActivities a = activities();
    answer = WorkerResponse.failed(new WorkerError("StageFailedException", "vpxenc died", true));
    ApplicationFailure retryable =
        cause(assertThrows(ActivityFailure.class, () -> a.encodeChunk(task(0, 0))));
    assertEquals("StageFailedException", retryable.getType());
    assertFalse(retryable.isNonRetryable());
    assertTrue(retryable.getOriginalMessage().contains("vpxenc died"));

    answer = WorkerResponse.failed(new WorkerError("CorruptFrameException", "frame 2", false));
    ApplicationFailure fatal =
        cause(assertThrows(ActivityFailure.class, () -> a.encodeChunk(task(0, 0))));
    assertEquals("CorruptFrameException", fatal.getType());
    assertTrue(fatal.isNonRetryable());
  }

  @Test
  void anUnknownEncoderIsANonRetryableBadRequest() {
    ChunkActivities a = activities();
    ChunkTaskInput bad =
        new ChunkTaskInput("job", "file:///w", 0, 0, 0, 6, 30, "x264", false, null, 0);
    ApplicationFailure f = cause(assertThrows(ActivityFailure.class, () -> a.encodeChunk(bad)));
    assertTrue(f.isNonRetryable());
    assertEquals("InvalidRequestException", f.getType());
    assertTrue(requests.isEmpty());
  }

  private static ApplicationFailure cause(ActivityFailure f) {
    return (ApplicationFailure) Objects.requireNonNull(f.getCause());
  }
}
