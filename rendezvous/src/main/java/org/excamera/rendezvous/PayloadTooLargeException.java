package org.excamera.rendezvous;

/** The state is larger than the server (or this client) accepts. */
public final class PayloadTooLargeException extends RendezvousException {
  public PayloadTooLargeException(String message) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, message, null);
  }
}
