package org.excamera.worker;

/**
 * A typed failure: {@code type} is the simple name of the exception that caused it (for example
 * {@code InvalidRequestException}, {@code CorruptFrameException}, {@code IOException}), {@code
 * retryable} says whether running the same request again may succeed.
 */
public record WorkerError(String type, String message, boolean retryable) {
  public WorkerError {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("error type missing");
    }
    if (message == null) {
      message = "";
    }
  }
}
