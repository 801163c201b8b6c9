package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Gauge;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.excamera.rendezvous.testing.Eventually;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.RawPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rendezvous.connections} gauge read NaN once a garbage collection had run: Micrometer
 * holds a gauge's state object weakly, and that object was a method reference nothing else held.
 * {@code RendezvousServerTest.aReaderThatStopsReadingIsDisconnected} waits for the gauge to read 0
 * and failed whenever a collection came first, which under load it sometimes did.
 */
class ConnectionGaugeAfterGcRegressionTest {
  @TempDir Path dir;

  @Test
  void theConnectionGaugeStillCountsAfterAGarbageCollection() throws Exception {
    try (LoopbackServer s = LoopbackServer.start(dir.resolve("data"))) {
      Gauge connections = s.registry().get("rendezvous.connections").gauge();
      collectWeakReferences();
      assertEquals(0.0, connections.value(), "no connection yet");
      RawPeer peer = new RawPeer(s.port());
      Eventually.await("the gauge counts the open connection", () -> connections.value() == 1);
      peer.close();
      Eventually.await("the gauge counts the closed connection", () -> connections.value() == 0);
    }
  }

  /** Runs collections until one has cleared a weakly held object (the JVM may ignore a request). */
  private static void collectWeakReferences() throws InterruptedException {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 50 && canary.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(canary.get(), "no garbage collection cleared a weak reference");
  }
}
