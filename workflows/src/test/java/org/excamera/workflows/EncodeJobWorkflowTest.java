package org.excamera.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.excamera.workflows.FakeActivities.Event;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workflows against recording fakes, on Temporal's in-JVM test service with time skipping. */
class EncodeJobWorkflowTest {
  private static final String QUEUE = "test-queue";
  private @Nullable TestWorkflowEnvironment env;

  private WorkflowClient start(FakeActivities fakes, int activitySlots) {
    TestWorkflowEnvironment e = TestWorkflowEnvironment.newInstance();
    env = e;
    Worker worker =
        e.newWorker(
            QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(activitySlots)
                .build());
    worker.registerWorkflowImplementationTypes(
        EncodeJobWorkflowImpl.class, EncodeBatchWorkflowImpl.class);
    worker.registerActivitiesImplementations(fakes);
    e.start();
    return e.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
  }

  private static EncodeJobWorkflow job(WorkflowClient client, String id) {
    return client.newWorkflowStub(
        EncodeJobWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
  }

  static EncodeJobInput input(int chunkFrames, int batchChunks, int lookahead) {
    return new EncodeJobInput(
        "file:///in.y4m",
        "file:///out.ivf",
        chunkFrames,
        batchChunks,
        null,
        null,
        lookahead,
        null,
        null,
        null);
  }

  private static List<Integer> chunks(List<Event> events, String activity, boolean start) {
    List<Integer> out = new ArrayList<>();
    for (Event e : events) {
      if (e.activity().equals(activity) && e.start() == start) {
        out.add(e.chunk());
      }
    }
    return out;
  }

  private static int indexOf(List<Event> events, String activity, int chunk, boolean start) {
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (e.activity().equals(activity) && e.chunk() == chunk && e.start() == start) {
        return i;
      }
    }
    throw new AssertionError("no " + (start ? "start" : "end") + " of " + activity + " " + chunk);
  }

  @Test
  void naiveEncodeRunsStageOneForEveryChunkAndNothingElse() {
    FakeActivities fakes = new FakeActivities(96);
    WorkflowClient client = start(fakes, 200);
    EncodeJobWorkflow job = job(client, "naive");
    EncodeJobResult r = job.run(input(6, 1, 2));
    assertEquals(16, r.chunks());
    assertEquals(16, r.batches());
    assertEquals(16, r.keyFrames());
    assertEquals(96, r.frames());
    List<Event> events = fakes.events();
    assertEquals(16, chunks(events, "EncodeChunk", true).size());
    assertTrue(chunks(events, "EncodeGivenState", true).isEmpty());
    assertTrue(chunks(events, "RebaseChunk", true).isEmpty());
    assertFalse(events.stream().anyMatch(Event::publish), "a naive chunk has no successor");
    assertEquals(1, fakes.cleanups().size());
    JobProgress p = job.progress();
    assertEquals("DONE", p.phase());
    assertEquals(16, p.batchesDone());
    assertEquals(16, p.finished().done());
    assertTrue(r.stages().stream().anyMatch(s -> s.stage().equals("vpxenc") && s.count() == 16));
  }

  @Test
  void stitchedBatchesRunPassOneAfterTheirInputsAndTheChainInOrder() {
    FakeActivities fakes = new FakeActivities(60); // 10 chunks: batches 0-3, 4-7, 8-9
    WorkflowClient client = start(fakes, 200);
    EncodeJobResult r = job(client, "stitched").run(input(6, 4, 2));
    assertEquals(3, r.batches());
    assertEquals(3, r.keyFrames());
    List<Event> events = fakes.events();
    assertEquals(
        List.of(1, 2, 3, 5, 6, 7, 9),
        chunks(events, "EncodeGivenState", true).stream().sorted().toList());
    assertEquals(
        List.of(2, 3, 6, 7), chunks(events, "RebaseChunk", true).stream().sorted().toList());
    for (int c : List.of(1, 2, 3, 5, 6, 7, 9)) {
      int start = indexOf(events, "EncodeGivenState", c, true);
      assertTrue(indexOf(events, "EncodeChunk", c - 1, false) < start, "pass 1 of " + c);
      assertTrue(indexOf(events, "EncodeChunk", c, false) < start, "pass 1 of " + c);
    }
    for (int c : List.of(2, 3, 6, 7)) {
      int start = indexOf(events, "RebaseChunk", c, true);
      assertTrue(indexOf(events, "EncodeGivenState", c, false) < start, "link " + c);
    }
    assertTrue(
        indexOf(events, "EncodeGivenState", 1, false) < indexOf(events, "RebaseChunk", 2, true));
    assertEquals(List.of(2, 3), scheduledChunks(client, "stitched-batch-00000", "RebaseChunk"));
    assertEquals(List.of(6, 7), scheduledChunks(client, "stitched-batch-00001", "RebaseChunk"));
    assertEquals(List.of(), scheduledChunks(client, "stitched-batch-00002", "RebaseChunk"));
    assertTrue(indexOf(events, "RebaseChunk", 2, false) < indexOf(events, "RebaseChunk", 3, false));
    for (Event e : events) {
      int position = e.chunk() % 4;
      boolean hasSuccessor = position < 3 && e.chunk() < 9;
      boolean expected =
          switch (e.activity()) {
            case "EncodeChunk" -> hasSuccessor;
            case "EncodeGivenState" -> position == 1 && hasSuccessor;
            default -> hasSuccessor;
          };
      assertEquals(expected, e.publish(), e.toString());
    }
  }

  @Test
  void chainDispatchIsBoundedAndCompletesWithFewerSlotsThanChunks() {
    FakeActivities fakes = new FakeActivities(6 * 10);
    WorkflowClient client = start(fakes, 2); // two activity slots, ten chunks, eight links
    job(client, "bounded").run(input(6, 10, 2));
    assertEquals(8, chunks(fakes.events(), "RebaseChunk", false).size());
    assertTrue(fakes.maxLinksInFlight.get() <= 2, "links in flight: " + fakes.maxLinksInFlight);
    assertEquals(
        List.of(2, 3, 4, 5, 6, 7, 8, 9),
        scheduledChunks(client, "bounded-batch-00000", "RebaseChunk"),
        "chain links are scheduled in chain order");

    FakeActivities serial = new FakeActivities(6 * 10);
    stop();
    WorkflowClient client2 = start(serial, 200);
    job(client2, "serial").run(input(6, 10, 1));
    assertEquals(1, serial.maxLinksInFlight.get());
  }

  @Test
  void aStageThatFailsOnceIsRetried() {
    FakeActivities fakes = new FakeActivities(36);
    fakes.failFirstAttempts.put("EncodeChunk:2", 1);
    fakes.failFirstAttempts.put("RebaseChunk:3", 2);
    WorkflowClient client = start(fakes, 200);
    EncodeJobResult r = job(client, "retry").run(input(6, 6, 2));
    assertEquals(36, r.frames());
    assertEquals(2, fakes.attempts("EncodeChunk", 2));
    assertEquals(3, fakes.attempts("RebaseChunk", 3));
  }

  @Test
  void aNonRetryableFailureFailsTheJobAndCleansUp() {
    FakeActivities fakes = new FakeActivities(36);
    fakes.failAlwaysWith.put("EncodeChunk:1", "UnsupportedStageException");
    WorkflowClient client = start(fakes, 200);
    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> job(client, "fatal").run(input(6, 1, 2)));
    ApplicationFailure root = rootApplicationFailure(e);
    assertNotNull(root);
    assertEquals("UnsupportedStageException", root.getType());
    assertEquals(1, fakes.attempts("EncodeChunk", 1));
    assertEquals(1, fakes.cleanups().size());
  }

  @Test
  void invalidInputFailsBeforeAnyWork() {
    FakeActivities fakes = new FakeActivities(36);
    WorkflowClient client = start(fakes, 200);
    EncodeJobInput bad =
        new EncodeJobInput(
            "file:///in.y4m", "file:///o.ivf", 6, 1, 99, null, null, null, null, null);
    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> job(client, "bad").run(bad));
    ApplicationFailure root = rootApplicationFailure(e);
    assertNotNull(root);
    assertEquals("InvalidInput", root.getType());
    assertTrue(fakes.events().isEmpty());
  }

  @Test
  void cancellingTheJobCancelsItsBatchesAndCleansUp() throws Exception {
    FakeActivities fakes = new FakeActivities(36);
    CountDownLatch release = new CountDownLatch(1);
    fakes.blockStageOne = release;
    WorkflowClient client = start(fakes, 200);
    EncodeJobWorkflow job = job(client, "cancel");
    WorkflowClient.start(job::run, input(6, 2, 2));
    try {
      while (fakes.stageOneStarted.get() < 6) {
        Thread.sleep(20);
      }
      ProgressProbe.Snapshot progress = ProgressProbe.read(client, "cancel");
      assertEquals("ENCODING", progress.phase());
      assertEquals(6, progress.chunks());
      assertEquals(3, progress.batches());
      assertEquals(0, progress.all().encoded());
      assertEquals(6, progress.all().chunks());
      WorkflowStub.fromTyped(job).cancel();
      WorkflowFailedException e =
          assertThrows(
              WorkflowFailedException.class,
              () -> WorkflowStub.fromTyped(job).getResult(EncodeJobResult.class));
      assertTrue(e.getCause() instanceof CanceledFailure, String.valueOf(e.getCause()));
      assertEquals(1, fakes.cleanups().size());
      assertEquals("ENCODING", job.progress().phase());
    } finally {
      release.countDown();
    }
  }

  /** Chunks of the activities of a type, in the order the workflow scheduled them. */
  static List<Integer> scheduledChunks(WorkflowClient client, String workflowId, String type) {
    List<Integer> out = new ArrayList<>();
    for (HistoryEvent e : client.fetchHistory(workflowId).getEvents()) {
      if (e.hasActivityTaskScheduledEventAttributes()
          && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(type)) {
        String json =
            e.getActivityTaskScheduledEventAttributes()
                .getInput()
                .getPayloads(0)
                .getData()
                .toStringUtf8();
        Matcher m = CHUNK.matcher(json);
        assertTrue(m.find(), json);
        out.add(Integer.parseInt(m.group(1)));
      }
    }
    return out;
  }

  private static final Pattern CHUNK = Pattern.compile("\"chunk\":(\\d+)");

  static @Nullable ApplicationFailure rootApplicationFailure(Throwable t) {
    ApplicationFailure found = null;
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof ApplicationFailure a) {
        found = a;
      }
    }
    return found;
  }
}
