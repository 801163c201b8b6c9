package org.excamera.worker.stage;

import java.io.IOException;
import java.util.Objects;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.StateKind;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.port.StitchCodec;

/**
 * Stage 2, pass 1 (design §2 step 2), for positions ≥ 1: replaces the chunk's key frame by an
 * interframe coded against the predecessor's S_vpx (target: the raw first frame) and rebases the
 * other frames onto it. At position 1 the result is final and its state S_out is published for
 * position 2.
 */
public final class EncodeGivenStateStage {
  private EncodeGivenStateStage() {}

  public static ChunkOutput run(WorkerRequest request, StageContext ctx)
      throws IOException, InterruptedException {
    ctx.requireStitching("encode-given-state");
    StepTimer timer = new StepTimer(ctx.clock());
    BlobRef prediction = Objects.requireNonNull(request.prediction());
    byte[] raw = timer.time("fetch", () -> ctx.blobs().read(request.raw()));
    byte[] vpx = timer.time("fetch", () -> ctx.blobs().read(prediction));
    byte[] predecessorVpx =
        StitchSteps.fetchPredecessor(request, ctx, timer, "wait", StateKind.VPX);
    StitchCodec.Stitched stitched =
        timer.time(
            "encode-given-state", () -> ctx.codec().encodeGivenState(vpx, predecessorVpx, raw));
    return StitchSteps.storeAndPublish(request, ctx, timer, stitched, "encode-given-state");
  }
}
