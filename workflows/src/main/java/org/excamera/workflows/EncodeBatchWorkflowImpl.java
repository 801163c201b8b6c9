package org.excamera.workflows;

import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.excamera.activities.ChunkActivities;
import org.excamera.activities.ChunkTaskInput;
import org.excamera.activities.ChunkTaskResult;
import org.excamera.workflows.plan.BatchPlan;
import org.excamera.workflows.plan.ChunkPlan;

/**
 * The batch of design §5. Stage 1 runs for every chunk at once; pass 1 of position p starts when
 * stage 1 of p-1 (its predecessor's S_vpx) and of p (its own vpxenc output) are done. The serial
 * chain over positions 2..x-1 is dispatched strictly in chain order, each link only after its own
 * pass 1 finished, with at most {@code chainLookahead} links in flight: the running link plus links
 * that preload and wait for their predecessor's state. Order plus the bound mean a waiting link's
 * predecessor was always dispatched before it, so no link waits on one that cannot start.
 */
public final class EncodeBatchWorkflowImpl implements EncodeBatchWorkflow {
  private final ChunkActivities stages =
      Workflow.newActivityStub(ChunkActivities.class, ActivityPolicies.CHUNK_STAGE);
  private final ChunkActivities chain =
      Workflow.newActivityStub(ChunkActivities.class, ActivityPolicies.CHAIN_LINK);

  private int chunks;
  private int encoded;
  private int stitched;
  private int rebased;
  private int done;
  private int linksInFlight;

  @Override
  public BatchProgress progress() {
    return new BatchProgress(chunks, encoded, stitched, rebased, done);
  }

  @Override
  public BatchResult run(BatchInput input) {
    BatchPlan plan = input.plan();
    int n = plan.size();
    chunks = n;
    List<Promise<ChunkTaskResult>> stage1 = new ArrayList<>(n);
    List<Promise<ChunkTaskResult>> pass1 = new ArrayList<>(n);
    List<Promise<ChunkTaskResult>> links = new ArrayList<>(n);
    List<Promise<Void>> chainDone = new ArrayList<>(1);

    CancellationScope work =
        Workflow.newCancellationScope(
            () -> {
              for (int p = 0; p < n; p++) {
                boolean position0 = p == 0;
                ChunkTaskInput task = task(input, plan.at(p), plan.at(p).hasSuccessor());
                stage1.add(
                    Async.function(stages::encodeChunk, task)
                        .thenApply(
                            r -> {
                              encoded++;
                              if (position0) {
                                done++;
                              }
                              return r;
                            }));
              }
              for (int p = 1; p < n; p++) {
                ChunkPlan chunk = plan.at(p);
                Promise<ChunkTaskResult> predecessor = stage1.get(p - 1);
                Promise<ChunkTaskResult> own = stage1.get(p);
                // Position 1 is final after pass 1 and hands S_out to position 2; later positions
                // are rebased by the chain and publish nothing here.
                boolean publish = p == 1 && chunk.hasSuccessor();
                boolean position1 = p == 1;
                pass1.add(
                    Async.function(
                        () -> {
                          predecessor.get();
                          own.get();
                          ChunkTaskResult r = stages.encodeGivenState(task(input, chunk, publish));
                          stitched++;
                          if (position1) {
                            done++;
                          }
                          return r;
                        }));
              }
              if (n > 2) {
                chainDone.add(Async.procedure(() -> dispatchChain(input, pass1, links)));
              }
            });
    work.run();
    try {
      List<Promise<?>> all = new ArrayList<>(stage1);
      all.addAll(pass1);
      all.addAll(chainDone);
      Promise.allOf(all.toArray(new Promise<?>[0])).get();
      Promise.allOf(links).get();
    } catch (RuntimeException e) {
      work.cancel();
      throw e;
    }

    List<ChunkTaskResult> finals = new ArrayList<>(n);
    List<ChunkTaskResult> everything = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      finals.add(
          p == 0 ? stage1.get(0).get() : p == 1 ? pass1.get(0).get() : links.get(p - 2).get());
      everything.add(stage1.get(p).get());
    }
    for (Promise<ChunkTaskResult> r : pass1) {
      everything.add(r.get());
    }
    for (Promise<ChunkTaskResult> r : links) {
      everything.add(r.get());
    }
    int frames = 0;
    int keyFrames = 0;
    long bytes = 0;
    for (ChunkTaskResult r : finals) {
      frames += r.frames();
      keyFrames += r.keyFrames();
      bytes += r.bytes();
    }
    List<StageStats> stats = List.of();
    for (ChunkTaskResult r : everything) {
      stats = StageStats.merge(stats, StageStats.of(r.timings()));
    }
    return new BatchResult(plan.index(), n, frames, keyFrames, bytes, stats);
  }

  /**
   * The serial chain: positions 2..n-1 in order. Link p is dispatched once its own pass 1 is done
   * and fewer than chainLookahead links are in flight; link 2 also waits for position 1's pass 1,
   * whose state S_out it rebases onto, so the first link never waits and every later link waits
   * only for a link dispatched before it.
   */
  private void dispatchChain(
      BatchInput input,
      List<Promise<ChunkTaskResult>> pass1,
      List<Promise<ChunkTaskResult>> links) {
    BatchPlan plan = input.plan();
    pass1.get(0).get();
    for (int p = 2; p < plan.size(); p++) {
      ChunkPlan chunk = plan.at(p);
      Workflow.await(() -> linksInFlight < input.chainLookahead());
      pass1.get(p - 1).get();
      linksInFlight++;
      links.add(
          Async.function(
              () -> {
                try {
                  ChunkTaskResult r = chain.rebaseChunk(task(input, chunk, chunk.hasSuccessor()));
                  rebased++;
                  done++;
                  return r;
                } finally {
                  linksInFlight--;
                }
              }));
    }
  }

  private static ChunkTaskInput task(BatchInput input, ChunkPlan chunk, boolean publishState) {
    return new ChunkTaskInput(
        input.jobId(),
        input.workRoot(),
        chunk.batch(),
        chunk.index(),
        chunk.position(),
        chunk.frames(),
        input.cqLevel(),
        input.encoder(),
        publishState,
        input.rendezvous(),
        ActivityPolicies.STATE_WAIT.toMillis());
  }
}
