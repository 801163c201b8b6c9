package org.excamera.worker.stage;

import java.io.IOException;
import java.nio.file.Path;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.port.ChunkEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Stage 1 (design §2 step 1): encodes the raw chunk with the production encoder into a key frame
 * and N-1 interframes, stores it, and when the chunk has a successor in its batch decodes it to its
 * final state S_vpx and publishes that.
 */
public final class EncodeChunkStage {
  private EncodeChunkStage() {}

  public static ChunkOutput run(WorkerRequest request, StageContext ctx)
      throws IOException, InterruptedException {
    StepTimer timer = new StepTimer(ctx.clock());
    Path raw = ctx.scratch().resolve("raw.y4m");
    timer.run("fetch", () -> ctx.blobs().download(request.raw(), raw));
    ChunkEncoder encoder = ctx.encoder(request.encoder());
    byte[] ivf =
        timer.time(encoder.name(), () -> encoder.encode(raw, request.cqLevel(), ctx.scratch()));
    String what = request.label() + " " + encoder.name() + " output";
    IvfSummary summary = IvfSummary.of(ivf, what).requireFrames(request.frames(), what);
    if (!summary.startsWithKeyFrame()) {
      throw new OutputMismatchException(what + " does not start with a key frame");
    }
    timer.run("store", () -> ctx.blobs().write(request.output(), ivf));
    @Nullable String digest = null;
    if (request.publishState()) {
      byte[] state = timer.time("decode", () -> ctx.codec().finalState(ivf));
      digest = ctx.codec().digest(state);
      timer.run(
          "publish", () -> ctx.exchange().publish(request.jobId(), request.publishedKey(), state));
    }
    return new ChunkOutput(
        request.output(),
        ivf.length,
        summary.frames(),
        summary.keyFrames(),
        digest,
        timer.timings());
  }
}
