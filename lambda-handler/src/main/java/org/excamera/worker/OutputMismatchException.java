package org.excamera.worker;

/**
 * A stage produced output that breaks the plan's invariants (design §2): wrong frame count, a
 * hidden frame, or a key frame where none may be. Not retryable: stages are deterministic.
 */
public final class OutputMismatchException extends WorkerException {
  public OutputMismatchException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
