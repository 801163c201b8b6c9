package org.excamera.rendezvous;

import org.jspecify.annotations.Nullable;

/**
 * A typed rendezvous failure, carrying the {@link ErrorCode} the server answered with (or {@link
 * ErrorCode#UNAVAILABLE} when it could not be reached). Callers branch on the subclass; {@link
 * #retryable()} says whether trying again later may succeed.
 */
public abstract sealed class RendezvousException extends RuntimeException
    permits TokenRejectedException,
        StateConflictException,
        PayloadTooLargeException,
        ProtocolViolationException,
        DigestMismatchException,
        FetchTimeoutException,
        JobDeletedException,
        RelayUnavailableException {
  private final ErrorCode code;

  RendezvousException(ErrorCode code, String message, @Nullable Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public boolean retryable() {
    return code.retryable();
  }

  /** The exception for an error the server answered with. */
  public static RendezvousException from(ErrorCode code, String message) {
    return switch (code) {
      case MISSING_TOKEN, BAD_TOKEN -> new TokenRejectedException(code, message);
      case CONFLICT -> new StateConflictException(message);
      case PAYLOAD_TOO_LARGE -> new PayloadTooLargeException(message);
      case DIGEST_MISMATCH -> new DigestMismatchException(message);
      case TIMEOUT -> new FetchTimeoutException(message);
      case JOB_DELETED -> new JobDeletedException(message);
      case BUSY, SHUTTING_DOWN, INTERNAL, UNAVAILABLE, TLS_FAILED ->
          new RelayUnavailableException(code, message, null);
      case MALFORMED_FRAME, UNSUPPORTED_VERSION, FRAME_TOO_LARGE, UNEXPECTED_FRAME, UNKNOWN ->
          new ProtocolViolationException(code, message);
    };
  }
}
