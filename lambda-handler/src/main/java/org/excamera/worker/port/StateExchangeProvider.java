package org.excamera.worker.port;

import org.excamera.worker.RendezvousEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Gives the state exchange for a request: the rendezvous named in the request, or the worker's own
 * exchange when the request names none.
 */
public interface StateExchangeProvider {
  StateExchange forEndpoint(@Nullable RendezvousEndpoint endpoint);
}
