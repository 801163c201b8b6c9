package org.excamera.rendezvous.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.testing.CuttingProxy;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Connections reset in the middle of a transfer: the client retries and gets exact bytes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DisconnectTest {
  private static final StateKey KEY = new StateKey(0, 4, "final");

  @TempDir Path dir;

  @Test
  void aPublishCutMidStreamIsRetriedAndStoredOnce() throws Exception {
    byte[] state = Payloads.of(41, 6_000_000);
    try (LoopbackServer s = LoopbackServer.start(dir);
        CuttingProxy proxy = new CuttingProxy(s.port(), 2, 2_500_000);
        RendezvousClient viaProxy =
            LoopbackServer.clientBuilder("127.0.0.1:" + proxy.port(), "job-d").build();
        RendezvousClient direct = s.client("job-d")) {
      viaProxy.publish("job-d", KEY, state);
      assertTrue(proxy.cuts() >= 2, "both first connections were cut");
      assertArrayEquals(state, direct.fetch("job-d", KEY, Duration.ZERO));
    }
  }

  @Test
  void aFetchCutMidStreamResumesAndVerifies() throws Exception {
    byte[] state = Payloads.of(42, 6_000_000);
    try (LoopbackServer s = LoopbackServer.start(dir);
        CuttingProxy proxy = new CuttingProxy(s.port(), 2, 2_500_000);
        RendezvousClient viaProxy =
            LoopbackServer.clientBuilder("127.0.0.1:" + proxy.port(), "job-d").build();
        RendezvousClient direct = s.client("job-d")) {
      direct.publish("job-d", KEY, state);
      assertArrayEquals(state, viaProxy.fetch("job-d", KEY, Duration.ofSeconds(30)));
      assertTrue(proxy.cuts() >= 2, "both first connections were cut");
    }
  }
}
