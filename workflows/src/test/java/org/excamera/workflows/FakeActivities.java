package org.excamera.workflows;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.excamera.activities.AssembleInput;
import org.excamera.activities.AssembleResult;
import org.excamera.activities.ChunkActivities;
import org.excamera.activities.ChunkTaskInput;
import org.excamera.activities.ChunkTaskResult;
import org.excamera.activities.CleanupInput;
import org.excamera.activities.JobActivities;
import org.excamera.activities.SplitInput;
import org.excamera.activities.SplitResult;
import org.excamera.activities.VideoInfo;
import org.excamera.worker.StageTiming;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateKind;
import org.excamera.worker.storage.InMemoryStateExchange;
import org.jspecify.annotations.Nullable;

/**
 * Activities that record what the workflows ask for, in order, and pass "states" through an
 * in-memory exchange the way real workers do: stage 1 publishes S_vpx when asked, pass 1 of
 * position 1 and every chain link publish S_out when asked, and a chain link waits (really blocks)
 * for its predecessor's S_out. Failures and blocking can be scripted per chunk.
 */
final class FakeActivities implements ChunkActivities, JobActivities {
  /** One call: activity, chunk, whether it started or ended, and its publish flag. */
  record Event(String activity, int chunk, boolean start, boolean publish) {}

  final List<Event> events = new ArrayList<>();
  final InMemoryStateExchange states = new InMemoryStateExchange();
  final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  final Map<String, Integer> failFirstAttempts = new ConcurrentHashMap<>();
  final Map<String, String> failAlwaysWith = new ConcurrentHashMap<>();
  final List<CleanupInput> cleanups = new ArrayList<>();
  final AtomicInteger linksInFlight = new AtomicInteger();
  final AtomicInteger maxLinksInFlight = new AtomicInteger();
  volatile @Nullable CountDownLatch blockStageOne;
  final AtomicInteger stageOneStarted = new AtomicInteger();
  private final int frames;

  FakeActivities(int frames) {
    this.frames = frames;
  }

  private synchronized void record(Event e) {
    events.add(e);
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  private void scripted(String activity, ChunkTaskInput in) {
    String key = activity + ":" + in.chunk();
    int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    String fatal = failAlwaysWith.get(key);
    if (fatal != null) {
      throw ApplicationFailure.newNonRetryableFailure("scripted failure of " + key, fatal);
    }
    Integer failures = failFirstAttempts.get(key);
    if (failures != null && attempt <= failures) {
      throw ApplicationFailure.newFailure(
          "scripted failure " + attempt + " of " + key, "StageFailedException");
    }
  }

  private static ChunkTaskResult result(ChunkTaskInput in, String step, int keyFrames) {
    return new ChunkTaskResult(
        in.chunk(),
        in.workRoot() + "/chunk-" + in.chunk() + "/" + step + ".ivf",
        100 + in.chunk(),
        in.frames(),
        keyFrames,
        null,
        List.of(new StageTiming(step, 1_000L * in.chunk(), 10)));
  }

  @Override
  public ChunkTaskResult encodeChunk(ChunkTaskInput in) {
    record(new Event("EncodeChunk", in.chunk(), true, in.publishState()));
    stageOneStarted.incrementAndGet();
    CountDownLatch block = blockStageOne;
    if (block != null) {
      try {
        block.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Activity.getExecutionContext().heartbeat(null);
    }
    scripted("EncodeChunk", in);
    if (in.publishState()) {
      states.publish(in.jobId(), new StateKey(in.batch(), in.chunk(), StateKind.VPX), new byte[1]);
    }
    record(new Event("EncodeChunk", in.chunk(), false, in.publishState()));
    return result(in, "vpxenc", 1);
  }

  @Override
  public ChunkTaskResult encodeGivenState(ChunkTaskInput in) {
    record(new Event("EncodeGivenState", in.chunk(), true, in.publishState()));
    scripted("EncodeGivenState", in);
    try {
      states.fetch(
          in.jobId(), new StateKey(in.batch(), in.chunk() - 1, StateKind.VPX), Duration.ZERO);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (in.publishState()) {
      states.publish(
          in.jobId(), new StateKey(in.batch(), in.chunk(), StateKind.FINAL), new byte[1]);
    }
    record(new Event("EncodeGivenState", in.chunk(), false, in.publishState()));
    return result(in, "encode-given-state", 0);
  }

  @Override
  public ChunkTaskResult rebaseChunk(ChunkTaskInput in) {
    record(new Event("RebaseChunk", in.chunk(), true, in.publishState()));
    int now = linksInFlight.incrementAndGet();
    maxLinksInFlight.accumulateAndGet(now, Math::max);
    try {
      scripted("RebaseChunk", in);
      states.fetch(
          in.jobId(),
          new StateKey(in.batch(), in.chunk() - 1, StateKind.FINAL),
          Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      linksInFlight.decrementAndGet();
    }
    // The end is recorded before the state is published: the successor, which waits for this
    // state, must find this link's end before its own.
    record(new Event("RebaseChunk", in.chunk(), false, in.publishState()));
    if (in.publishState()) {
      states.publish(
          in.jobId(), new StateKey(in.batch(), in.chunk(), StateKind.FINAL), new byte[1]);
    }
    return result(in, "rebase", 0);
  }

  @Override
  public SplitResult splitSource(SplitInput in) {
    int chunks = (frames + in.chunkFrames() - 1) / in.chunkFrames();
    return new SplitResult(
        "file:///fake-work/jobs/" + in.jobId(),
        new VideoInfo(64, 48, 30, 1, frames, 4608),
        chunks,
        5,
        null);
  }

  @Override
  public AssembleResult assembleOutput(AssembleInput in) {
    int batches = (in.chunks() + in.batchChunks() - 1) / in.batchChunks();
    return new AssembleResult(in.output(), 1000, in.frames(), batches, 7);
  }

  @Override
  public synchronized void cleanupJob(CleanupInput in) {
    cleanups.add(in);
  }

  /** Attempts made of an activity on a chunk, e.g. {@code attempts("EncodeChunk", 2)}. */
  int attempts(String activity, int chunk) {
    AtomicInteger n = attempts.get(activity + ":" + chunk);
    return n == null ? 0 : n.get();
  }

  synchronized List<CleanupInput> cleanups() {
    return List.copyOf(cleanups);
  }
}
