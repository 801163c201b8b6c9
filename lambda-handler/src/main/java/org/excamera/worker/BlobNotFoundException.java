package org.excamera.worker;

/** A referenced blob does not exist. Not retryable: its producer finished before we ran. */
public final class BlobNotFoundException extends WorkerException {
  public BlobNotFoundException(BlobRef ref) {
    super("blob not found: " + ref);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
