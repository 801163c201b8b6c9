package org.excamera.rendezvous;

/** The token was missing, malformed or made for another job. */
public final class TokenRejectedException extends RendezvousException {
  public TokenRejectedException(ErrorCode code, String message) {
    super(code, message, null);
  }
}
