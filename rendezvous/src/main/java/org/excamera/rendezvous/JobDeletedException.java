package org.excamera.rendezvous;

/** The job was deleted (or expired) while the request was in progress. */
public final class JobDeletedException extends RendezvousException {
  public JobDeletedException(String message) {
    super(ErrorCode.JOB_DELETED, message, null);
  }
}
