package org.excamera.worker.storage;

import java.time.Duration;
import java.util.Locale;
import org.excamera.rendezvous.FetchTimeoutException;
import org.excamera.rendezvous.RendezvousException;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.worker.StateExchangeFailedException;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateKind;
import org.excamera.worker.StateUnavailableException;
import org.excamera.worker.port.StateExchange;

/**
 * States through the rendezvous server (design §5, issue 5): workers connect out, publish under
 * (job, batch, chunk, kind) and fetch or wait for their predecessor's. Kinds on the wire: {@code
 * vpxenc} for S_vpx, {@code final} for S_out. A fetch that times out is a retryable {@link
 * StateUnavailableException}; other rendezvous failures keep their retry flag.
 */
public final class RendezvousStateExchange implements StateExchange {
  private final RendezvousClient client;

  public RendezvousStateExchange(RendezvousClient client) {
    this.client = client;
  }

  static org.excamera.rendezvous.StateKey wireKey(StateKey key) {
    String kind =
        key.kind() == StateKind.VPX ? "vpxenc" : key.kind().name().toLowerCase(Locale.ROOT);
    return new org.excamera.rendezvous.StateKey(key.batch(), key.chunk(), kind);
  }

  @Override
  public void publish(String jobId, StateKey key, byte[] state) {
    try {
      client.publish(jobId, wireKey(key), state);
    } catch (RendezvousException e) {
      throw failed("publish", jobId, key, e);
    }
  }

  @Override
  public byte[] fetch(String jobId, StateKey key, Duration timeout) {
    try {
      return client.fetch(jobId, wireKey(key), timeout);
    } catch (FetchTimeoutException e) {
      throw new StateUnavailableException(
          "state %s of job %s not published within %d ms".formatted(key, jobId, timeout.toMillis()),
          e);
    } catch (RendezvousException e) {
      throw failed("fetch", jobId, key, e);
    }
  }

  @Override
  public void deleteJob(String jobId) {
    try {
      client.deleteJob(jobId);
    } catch (RendezvousException e) {
      throw new StateExchangeFailedException(
          "rendezvous delete of job " + jobId + ": " + e.getMessage(), e.retryable(), e);
    }
  }

  private static StateExchangeFailedException failed(
      String what, String jobId, StateKey key, RendezvousException e) {
    return new StateExchangeFailedException(
        "rendezvous %s of %s (job %s): %s".formatted(what, key, jobId, e.getMessage()),
        e.retryable(),
        e);
  }
}
