package org.excamera.worker;

/**
 * This worker build cannot run the requested stage, for example stitching chunks (ExCamera[N,x]
 * with x > 1) before the Java encoder of issue 4 exists, or {@code --encoder java} without the Java
 * chunk encoder, or {@code vpxenc} missing. Not retryable: a retry runs the same build.
 */
public final class UnsupportedStageException extends WorkerException {
  public UnsupportedStageException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
