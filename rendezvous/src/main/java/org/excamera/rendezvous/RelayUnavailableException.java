package org.excamera.rendezvous;

import org.jspecify.annotations.Nullable;

/**
 * The relay could not serve the request: unreachable, busy, shutting down or failing inside. The
 * client has already retried with backoff for its retry budget when it throws this.
 */
public final class RelayUnavailableException extends RendezvousException {
  public RelayUnavailableException(ErrorCode code, String message, @Nullable Throwable cause) {
    super(code, message, cause);
  }
}
