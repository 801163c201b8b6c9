package org.excamera.worker;

/**
 * A failure of a worker stage that the worker reports as a typed {@link WorkerError}: the simple
 * class name is the error type, {@link #retryable()} says whether the same request may succeed when
 * run again.
 */
public abstract class WorkerException extends RuntimeException {
  protected WorkerException(String message) {
    super(message);
  }

  protected WorkerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether running the same request again may succeed. */
  public abstract boolean retryable();
}
