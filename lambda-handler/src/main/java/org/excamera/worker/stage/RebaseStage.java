package org.excamera.worker.stage;

import java.io.IOException;
import java.util.Objects;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.StateKind;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.port.StitchCodec;
import org.jspecify.annotations.Nullable;

/**
 * Stage 3, the serial pass (design §2 step 3), for positions ≥ 2: preloads its inputs, waits for
 * the predecessor's final state S_out, rebases every pass-1 frame (made against the predecessor's
 * S_vpx) onto it, stores the result and publishes its own S_out for the next link of the chain.
 */
public final class RebaseStage {
  private RebaseStage() {}

  public static ChunkOutput run(WorkerRequest request, StageContext ctx)
      throws IOException, InterruptedException {
    ctx.requireStitching("rebase");
    StepTimer timer = new StepTimer(ctx.clock());
    BlobRef prediction = Objects.requireNonNull(request.prediction());
    byte[] raw = timer.time("fetch", () -> ctx.blobs().read(request.raw()));
    byte[] pass1 = timer.time("fetch", () -> ctx.blobs().read(prediction));
    byte[] pass1Base =
        timer.time(
            "fetch",
            () ->
                ctx.exchange()
                    .fetch(
                        request.jobId(),
                        request.predecessorKey(StateKind.VPX),
                        StitchChecks.stateWait(request, ctx)));
    byte[] predecessorFinal =
        timer.time(
            "wait",
            () ->
                ctx.exchange()
                    .fetch(
                        request.jobId(),
                        request.predecessorKey(StateKind.FINAL),
                        StitchChecks.stateWait(request, ctx)));
    StitchCodec.Stitched rebased =
        timer.time("rebase", () -> ctx.codec().rebase(pass1, pass1Base, predecessorFinal, raw));
    byte[] ivf = rebased.ivf();
    IvfSummary summary = StitchChecks.requireStitched(ivf, request, "rebase");
    timer.run("store", () -> ctx.blobs().write(request.output(), ivf));
    @Nullable String digest = null;
    if (request.publishState()) {
      byte[] state = rebased.finalState();
      digest = ctx.codec().digest(state);
      timer.run(
          "publish", () -> ctx.exchange().publish(request.jobId(), request.publishedKey(), state));
    }
    return new ChunkOutput(
        request.output(), ivf.length, summary.frames(), 0, digest, timer.timings());
  }
}
