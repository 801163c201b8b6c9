package org.excamera.worker.stage;

import java.io.IOException;
import java.time.Duration;
import org.excamera.worker.ChunkOutput;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.StateKind;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.port.StitchCodec;
import org.jspecify.annotations.Nullable;

/** The steps and checks the two stitching stages (encode-given-state and rebase) share. */
final class StitchSteps {
  private StitchSteps() {}

  /** How long this request may wait for a predecessor's state. */
  static Duration stateWait(WorkerRequest request, StageContext ctx) {
    return ctx.deadline()
        .cap(Duration.ofMillis(request.stateWaitMillis()), StageContext.WAIT_RESERVE);
  }

  /** Fetches (or waits for) the predecessor's state of the given kind, timed as {@code step}. */
  static byte[] fetchPredecessor(
      WorkerRequest request, StageContext ctx, StepTimer timer, String step, StateKind kind)
      throws IOException, InterruptedException {
    return timer.time(
        step,
        () ->
            ctx.exchange()
                .fetch(request.jobId(), request.predecessorKey(kind), stateWait(request, ctx)));
  }

  /**
   * Checks a stitched chunk, stores it and, when the request asks for it, publishes its final state
   * for the next link of the chain.
   */
  static ChunkOutput storeAndPublish(
      WorkerRequest request,
      StageContext ctx,
      StepTimer timer,
      StitchCodec.Stitched stitched,
      String what)
      throws IOException, InterruptedException {
    byte[] ivf = stitched.ivf();
    IvfSummary summary = requireStitched(ivf, request, what);
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

  /** A stitched chunk has one frame per source frame and no key frame (design §2, §4.3). */
  static IvfSummary requireStitched(byte[] ivf, WorkerRequest request, String what) {
    String label = request.label() + " " + what + " output";
    IvfSummary summary = IvfSummary.of(ivf, label).requireFrames(request.frames(), label);
    if (summary.keyFrames() != 0) {
      throw new OutputMismatchException(
          label + " has " + summary.keyFrames() + " key frames; a stitched chunk has none");
    }
    return summary;
  }
}
