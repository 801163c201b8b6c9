package org.excamera.worker;

/**
 * A stage could not complete for a reason outside the request, for example the external encoder
 * crashed or was killed; the same request may succeed on another try.
 */
public final class StageFailedException extends WorkerException {
  public StageFailedException(String message) {
    super(message);
  }

  public StageFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
