package org.excamera.activities.impl;

import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerException;

/**
 * Translation of worker and activity errors into Temporal failures, in one place: the failure type
 * is the exception's simple name; retryable errors become retryable failures, the rest (bad
 * requests, codec errors, unsupported stages) are non-retryable.
 */
final class Failures {
  private Failures() {}

  static ApplicationFailure of(WorkerError error, String where) {
    String message = where + ": " + error.message();
    return error.retryable()
        ? ApplicationFailure.newFailure(message, error.type())
        : ApplicationFailure.newNonRetryableFailure(message, error.type());
  }

  static ApplicationFailure of(WorkerException e, String where) {
    String message = where + ": " + e.getMessage();
    String type = e.getClass().getSimpleName();
    return e.retryable()
        ? ApplicationFailure.newFailure(message, type, e)
        : ApplicationFailure.newNonRetryableFailure(message, type, e);
  }

  static ApplicationFailure of(IOException e, String where) {
    return ApplicationFailure.newFailure(where + ": " + e, e.getClass().getSimpleName(), e);
  }

  static ApplicationFailure badInput(RuntimeException e, String where) {
    return ApplicationFailure.newNonRetryableFailure(
        where + ": " + e.getMessage(), e.getClass().getSimpleName(), e);
  }
}
