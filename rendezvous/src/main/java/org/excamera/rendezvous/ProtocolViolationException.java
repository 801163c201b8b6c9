package org.excamera.rendezvous;

/**
 * A peer broke the protocol: malformed, oversize or unexpected frame, or an unsupported version.
 */
public final class ProtocolViolationException extends RendezvousException {
  public ProtocolViolationException(ErrorCode code, String message) {
    super(code, message, null);
  }
}
