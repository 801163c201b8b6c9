package org.excamera.worker;

/**
 * The state exchange (the rendezvous) refused or failed a publish or fetch, for example a rejected
 * token, a conflicting state, or a relay that stayed unreachable; retryable as the cause says.
 */
public final class StateExchangeFailedException extends WorkerException {
  private final boolean retryable;

  public StateExchangeFailedException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
