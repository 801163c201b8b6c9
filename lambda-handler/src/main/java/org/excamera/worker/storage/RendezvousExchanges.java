package org.excamera.worker.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.worker.RendezvousEndpoint;
import org.excamera.worker.port.StateExchange;
import org.excamera.worker.port.StateExchangeProvider;
import org.jspecify.annotations.Nullable;

/**
 * The state exchange a request names: a rendezvous client per (address, token), kept while in use
 * (at most {@link #MAX_CLIENTS}, least recently used closed first), or {@code fallback} when the
 * request names no rendezvous. Plaintext only where the endpoint says insecure-loopback (the client
 * refuses it for non-loopback addresses); otherwise TLS with {@code tls}.
 */
public final class RendezvousExchanges implements StateExchangeProvider, AutoCloseable {
  static final int MAX_CLIENTS = 32;

  private final StateExchange fallback;
  private final @Nullable SSLContext tls;
  private final Map<RendezvousEndpoint, RendezvousClient> clients =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RendezvousEndpoint, RendezvousClient> e) {
          if (size() > MAX_CLIENTS) {
            e.getValue().close();
            return true;
          }
          return false;
        }
      };

  /**
   * @param fallback the exchange for requests that name no rendezvous
   * @param tls the TLS context for rendezvous servers that are not insecure-loopback (null: only
   *     insecure-loopback endpoints work)
   */
  public RendezvousExchanges(StateExchange fallback, @Nullable SSLContext tls) {
    this.fallback = fallback;
    this.tls = tls;
  }

  @Override
  public StateExchange forEndpoint(@Nullable RendezvousEndpoint endpoint) {
    if (endpoint == null) {
      return fallback;
    }
    return new RendezvousStateExchange(client(endpoint));
  }

  private synchronized RendezvousClient client(RendezvousEndpoint endpoint) {
    RendezvousClient c = clients.get(endpoint);
    if (c == null) {
      RendezvousClient.Builder b =
          RendezvousClient.builder(endpoint.address()).token(endpoint.token());
      if (endpoint.insecureLoopback()) {
        b.insecureLoopback();
      } else if (tls != null) {
        b.tls(tls);
      }
      c = b.build();
      clients.put(endpoint, c);
    }
    return c;
  }

  @Override
  public synchronized void close() {
    for (RendezvousClient c : clients.values()) {
      c.close();
    }
    clients.clear();
  }
}
