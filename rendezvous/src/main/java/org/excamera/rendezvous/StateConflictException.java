package org.excamera.rendezvous;

/** Different bytes were published under a key that already holds a state. */
public final class StateConflictException extends RendezvousException {
  public StateConflictException(String message) {
    super(ErrorCode.CONFLICT, message, null);
  }
}
