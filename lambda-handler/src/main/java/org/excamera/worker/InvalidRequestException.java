package org.excamera.worker;

/** The request is malformed or inconsistent; retrying it cannot help. */
public final class InvalidRequestException extends WorkerException {
  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
