package org.excamera.worker;

/**
 * A predecessor's state was not published within the wait allowed (design §5: late writers are
 * normal, so this is retryable; the retried stage fetches again).
 */
public final class StateUnavailableException extends WorkerException {
  public StateUnavailableException(String message) {
    super(message);
  }

  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
