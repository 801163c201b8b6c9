package org.excamera.rendezvous;

/** Nothing was published under the key before the fetch's timeout. */
public final class FetchTimeoutException extends RendezvousException {
  public FetchTimeoutException(String message) {
    super(ErrorCode.TIMEOUT, message, null);
  }
}
