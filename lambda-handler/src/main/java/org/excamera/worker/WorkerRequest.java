package org.excamera.worker;

import org.jspecify.annotations.Nullable;

/**
 * One stage of one chunk, as sent to a worker (in-process or as the AWS Lambda payload). It carries
 * references only: blob URIs and state keys, never frames or states (Lambda's 6 MB request limit,
 * Temporal's payload limits). The constructor validates; a request that fails validation is
 * answered with an {@code InvalidRequestException} error response.
 *
 * @param version wire version, {@link #VERSION}
 * @param operation the stage to run
 * @param jobId the job, scope of state keys and rendezvous tokens
 * @param batch batch index in the job
 * @param chunk chunk index in the job
 * @param position the chunk's index inside its batch (0 = keeps its key frame)
 * @param frames number of raw frames in the chunk
 * @param raw the raw chunk (Y4M)
 * @param prediction the frames to stitch: this chunk's vpxenc output for {@code
 *     ENCODE_GIVEN_STATE}, its pass-1 output for {@code REBASE}; absent for {@code ENCODE_CHUNK}
 * @param output where to write this stage's IVF
 * @param cqLevel vpxenc's {@code --cq-level}, 0..63
 * @param encoder the stage-1 encoder
 * @param publishState whether to publish this stage's final state for the next chunk
 * @param rendezvous where to exchange states; absent: the worker's own exchange
 * @param stateWaitMillis how long to wait for a predecessor's state before failing (retryably)
 */
public record WorkerRequest(
    int version,
    Operation operation,
    String jobId,
    int batch,
    int chunk,
    int position,
    int frames,
    BlobRef raw,
    @Nullable BlobRef prediction,
    BlobRef output,
    int cqLevel,
    EncoderKind encoder,
    boolean publishState,
    @Nullable RendezvousEndpoint rendezvous,
    long stateWaitMillis) {

  /** The wire version this code writes and accepts. */
  public static final int VERSION = 1;

  /** The largest chunk we accept, in frames (a chunk is a few frames; this bounds memory). */
  public static final int MAX_FRAMES = 1024;

  public WorkerRequest {
    check(
        version == VERSION,
        "unsupported request version %s (this worker speaks %s)".formatted(version, VERSION));
    check(operation != null, "operation missing");
    check(
        jobId != null && jobId.matches("[A-Za-z0-9._\\-]{1,128}"),
        "jobId must be 1..128 of [A-Za-z0-9._-], got: %s".formatted(jobId));
    check(
        batch >= 0 && chunk >= 0 && position >= 0,
        "negative batch/chunk/position: %s/%s/%s".formatted(batch, chunk, position));
    check(position <= chunk, "position %s exceeds chunk index %s".formatted(position, chunk));
    check(
        frames > 0 && frames <= MAX_FRAMES,
        "frames must be 1..%s, got: %s".formatted(MAX_FRAMES, frames));
    check(raw != null, "raw chunk reference missing");
    check(output != null, "output reference missing");
    check(cqLevel >= 0 && cqLevel <= 63, "cqLevel must be 0..63, got: %s".formatted(cqLevel));
    check(encoder != null, "encoder missing");
    check(
        stateWaitMillis >= 0,
        "stateWaitMillis must not be negative: %s".formatted(stateWaitMillis));
    if (operation == Operation.ENCODE_CHUNK) {
      check(prediction == null, "ENCODE_CHUNK takes no prediction");
    } else if (operation == Operation.ENCODE_GIVEN_STATE) {
      check(position >= 1, "ENCODE_GIVEN_STATE needs position >= 1, got: %s".formatted(position));
      check(prediction != null, "ENCODE_GIVEN_STATE needs the chunk's vpxenc output (prediction)");
    } else {
      check(position >= 2, "REBASE needs position >= 2, got: %s".formatted(position));
      check(prediction != null, "REBASE needs the chunk's pass-1 output (prediction)");
    }
  }

  /** The state this stage publishes when {@link #publishState()} is set. */
  public StateKey publishedKey() {
    StateKind kind = operation == Operation.ENCODE_CHUNK ? StateKind.VPX : StateKind.FINAL;
    return new StateKey(batch, chunk, kind);
  }

  /** The predecessor's state of the given kind. */
  public StateKey predecessorKey(StateKind kind) {
    return new StateKey(batch, chunk - 1, kind);
  }

  /** A short label for logs and errors: job, chunk and operation. */
  public String label() {
    return "job "
        + jobId
        + " chunk "
        + chunk
        + " (batch "
        + batch
        + ", position "
        + position
        + ") "
        + operation;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
