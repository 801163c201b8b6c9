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
        timer.time(
            "wait",
            () ->
                ctx.exchange()
                    .fetch(
                        request.jobId(),
                        request.predecessorKey(StateKind.VPX),
                        StitchChecks.stateWait(request, ctx)));
    StitchCodec.Stitched stitched =
        timer.time(
            "encode-given-state", () -> ctx.codec().encodeGivenState(vpx, predecessorVpx, raw));
    byte[] ivf = stitched.ivf();
    IvfSummary summary = StitchChecks.requireStitched(ivf, request, "encode-given-state");
    timer.run("store", () -> ctx.blobs().write(request.output(), ivf));
    @Nullable String digest = null;
    if (request.publishState()) {
      byte[] state = stitched.finalState();
      digest = ctx.codec().digest(state);
      timer.run(
          "publish", () -> ctx.exchange().publish(request.jobId(), request.publishedKey(), state));
    }
    return new ChunkOutput(
        request.output(), ivf.length, summary.frames(), 0, digest, timer.timings());
  }
}
