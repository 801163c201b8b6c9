package org.excamera.worker.stage;

import java.time.Duration;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.WorkerRequest;

/** Shared checks and limits of the two stitching stages. */
final class StitchChecks {
  private StitchChecks() {}

  /** How long this request may wait for a predecessor's state. */
  static Duration stateWait(WorkerRequest request, StageContext ctx) {
    return ctx.deadline()
        .cap(Duration.ofMillis(request.stateWaitMillis()), StageContext.WAIT_RESERVE);
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
