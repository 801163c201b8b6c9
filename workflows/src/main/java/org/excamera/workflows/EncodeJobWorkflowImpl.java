package org.excamera.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.excamera.activities.AssembleInput;
import org.excamera.activities.AssembleResult;
import org.excamera.activities.CleanupInput;
import org.excamera.activities.JobActivities;
import org.excamera.activities.SplitInput;
import org.excamera.activities.SplitResult;
import org.excamera.activities.VideoInfo;
import org.excamera.worker.RendezvousEndpoint;
import org.excamera.workflows.plan.BatchPlan;
import org.excamera.workflows.plan.JobPlan;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * {@code EncodeVideo} (design §5): split the source into chunk objects, plan chunks and batches,
 * run one {@link EncodeBatchWorkflow} child per batch (at most {@code maxBatchesInFlight} at once,
 * stopping at the first failed batch), assemble the output, clean up, and report. Cancelling it
 * cancels the running batches and then deletes the job's intermediate objects.
 */
public final class EncodeJobWorkflowImpl implements EncodeJobWorkflow {
  private static final Logger log = Workflow.getLogger(EncodeJobWorkflowImpl.class);

  private final JobActivities split = stub(ActivityPolicies.SPLIT);
  private final JobActivities assemble = stub(ActivityPolicies.ASSEMBLE);
  private final JobActivities cleanup = stub(ActivityPolicies.CLEANUP);

  private String phase = "STARTING";
  private int chunks;
  private int batches;
  private int batchesDone;
  private BatchProgress finished = BatchProgress.NONE;
  private final TreeSet<String> running = new TreeSet<>();
  private @Nullable RuntimeException batchFailure;

  private static JobActivities stub(ActivityOptions options) {
    return Workflow.newActivityStub(JobActivities.class, options);
  }

  @Override
  public JobProgress progress() {
    return new JobProgress(phase, chunks, batches, batchesDone, finished, List.copyOf(running));
  }

  @Override
  public EncodeJobResult run(EncodeJobInput input) {
    JobSettings settings;
    try {
      settings = input.resolve();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid EncodeVideo input: " + e.getMessage(), "InvalidInput");
    }
    WorkflowInfo info = Workflow.getInfo();
    String jobId = jobId(info.getWorkflowId(), info.getRunId());
    long start = Workflow.currentTimeMillis();
    String workRoot = "";
    try {
      phase = "SPLITTING";
      SplitResult source =
          split.splitSource(
              new SplitInput(
                  jobId,
                  settings.source(),
                  settings.chunkFrames(),
                  settings.batchChunks(),
                  settings.encoder()));
      workRoot = source.workRoot();
      long splitEnd = Workflow.currentTimeMillis();
      VideoInfo video = source.video();
      JobPlan plan = JobPlan.of(video.frames(), settings.chunkFrames(), settings.batchChunks());
      chunks = plan.chunks();
      batches = plan.batches().size();
      log.info("job {}: {} frames, {} chunks, {} batches", jobId, video.frames(), chunks, batches);

      phase = "ENCODING";
      RendezvousEndpoint rendezvous =
          settings.rendezvous() != null ? settings.rendezvous() : source.rendezvous();
      List<Promise<BatchResult>> results =
          runBatches(info, jobId, workRoot, plan, settings, rendezvous);
      Promise.allOf(results).get();
      long encodeEnd = Workflow.currentTimeMillis();

      phase = "ASSEMBLING";
      AssembleResult out =
          assemble.assembleOutput(
              new AssembleInput(
                  jobId,
                  workRoot,
                  chunks,
                  video.frames(),
                  settings.chunkFrames(),
                  settings.batchChunks(),
                  settings.output()));
      long assembleEnd = Workflow.currentTimeMillis();
      if (out.frames() != video.frames()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "output has %d frames, source %d".formatted(out.frames(), video.frames()),
            "OutputMismatchException");
      }

      phase = "CLEANING_UP";
      cleanup.cleanupJob(new CleanupInput(jobId, workRoot, settings.keepIntermediates()));
      phase = "DONE";

      List<StageStats> stages =
          List.of(new StageStats("split", 1, source.millis(), source.millis(), start, splitEnd));
      for (Promise<BatchResult> r : results) {
        stages = StageStats.merge(stages, r.get().stages());
      }
      stages =
          StageStats.merge(
              stages,
              List.of(
                  new StageStats(
                      "assemble", 1, out.millis(), out.millis(), encodeEnd, assembleEnd)));
      double seconds = video.seconds();
      return new EncodeJobResult(
          jobId,
          out.output(),
          video.width(),
          video.height(),
          out.frames(),
          chunks,
          batches,
          out.keyFrames(),
          out.bytes(),
          seconds,
          seconds > 0 ? out.bytes() * 8.0 / seconds / 1000.0 : 0.0,
          settings.chunkFrames(),
          settings.batchChunks(),
          settings.cqLevel(),
          settings.encoder(),
          Workflow.currentTimeMillis() - start,
          stages);
    } catch (RuntimeException e) {
      // Cleanup runs detached, so it also runs when the job was cancelled; a failing cleanup
      // must not hide the job's own failure.
      if (!phase.equals("CLEANING_UP")) {
        String root = workRoot;
        try {
          Workflow.newDetachedCancellationScope(
                  () ->
                      cleanup.cleanupJob(
                          new CleanupInput(jobId, root, settings.keepIntermediates())))
              .run();
        } catch (RuntimeException cleanupFailure) {
          log.warn(
              "job {}: cleanup after failure failed too: {}", jobId, cleanupFailure.toString());
        }
      }
      if (CancellationScope.current().isCancelRequested() && !(e instanceof CanceledFailure)) {
        throw new CanceledFailure("EncodeVideo " + jobId + " was cancelled");
      }
      throw e;
    }
  }

  private List<Promise<BatchResult>> runBatches(
      WorkflowInfo info,
      String jobId,
      String workRoot,
      JobPlan plan,
      JobSettings settings,
      @Nullable RendezvousEndpoint rendezvous) {
    List<Promise<BatchResult>> results = new ArrayList<>();
    for (BatchPlan batch : plan.batches()) {
      Workflow.await(() -> running.size() < settings.maxBatchesInFlight() || batchFailure != null);
      RuntimeException failure = batchFailure;
      if (failure != null) {
        throw failure;
      }
      String childId = "%s-batch-%05d".formatted(info.getWorkflowId(), batch.index());
      EncodeBatchWorkflow child =
          Workflow.newChildWorkflowStub(EncodeBatchWorkflow.class, ActivityPolicies.batch(childId));
      running.add(childId);
      BatchInput batchInput =
          new BatchInput(
              jobId,
              workRoot,
              batch,
              settings.cqLevel(),
              settings.encoder(),
              settings.chainLookahead(),
              rendezvous);
      results.add(
          Async.function(child::run, batchInput)
              .handle(
                  (r, error) -> {
                    running.remove(childId);
                    if (error != null) {
                      if (batchFailure == null) {
                        batchFailure = error;
                      }
                      throw error;
                    }
                    batchesDone++;
                    finished =
                        finished.plus(
                            new BatchProgress(
                                r.chunks(),
                                r.chunks(),
                                r.chunks() - 1,
                                Math.max(0, r.chunks() - 2),
                                r.chunks()));
                    return r;
                  }));
    }
    return results;
  }

  /**
   * The job id: the workflow id reduced to the characters blob keys and rendezvous keys allow, plus
   * the start of the run id, so each run of a workflow id gets its own objects.
   */
  static String jobId(String workflowId, String runId) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < workflowId.length() && b.length() < 80; i++) {
      char c = workflowId.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      b.append(ok ? c : '_');
    }
    String run = runId.replace("-", "");
    return b + "-" + run.substring(0, Math.min(8, run.length()));
  }
}
