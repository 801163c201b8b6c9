package org.excamera.worker.stage;

import java.io.IOException;
import java.util.Objects;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.StateKind;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.port.StitchCodec;

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
    byte[] pass1Base = StitchSteps.fetchPredecessor(request, ctx, timer, "fetch", StateKind.VPX);
    byte[] predecessorFinal =
        StitchSteps.fetchPredecessor(request, ctx, timer, "wait", StateKind.FINAL);
    StitchCodec.Stitched rebased =
        timer.time("rebase", () -> ctx.codec().rebase(pass1, pass1Base, predecessorFinal, raw));
    return StitchSteps.storeAndPublish(request, ctx, timer, rebased, "rebase");
  }
}
