package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 64 MB state, relayed to a reader that was already waiting, through a 4 MB buffer budget. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LargePayloadIT {
  private static final int SIZE = 64 << 20;
  private static final StateKey KEY = new StateKey(0, 5, "final");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "DEFLATE"})
  void aWaitingReaderGets64MegabytesIntact(Compression compression) throws Exception {
    long budget = 4L << 20;
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (LoopbackServer s =
            LoopbackServer.start(dir, b -> b.memoryBudgetBytes(budget).maxPayloadBytes(SIZE));
        RendezvousClient reader = s.client("big");
        RendezvousClient writer = s.clientBuilder("big").compression(compression).build()) {
      byte[] state = Payloads.of(64, SIZE);
      Future<byte[]> fetched = pool.submit(() -> reader.fetch("big", KEY, Duration.ofMinutes(2)));
      writer.publish("big", KEY, state);
      assertArrayEquals(state, fetched.get(120, TimeUnit.SECONDS));
      assertArrayEquals(state, reader.fetch("big", KEY, Duration.ZERO), "and again from disk");
      assertTrue(s.server().buffers().peakInUse() <= budget);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStateOverTheServersLimitIsRefused() throws Exception {
    try (LoopbackServer s = LoopbackServer.start(dir, b -> b.maxPayloadBytes(SIZE));
        RendezvousClient c = s.client("big")) {
      org.junit.jupiter.api.Assertions.assertThrows(
          org.excamera.rendezvous.PayloadTooLargeException.class,
          () -> c.publish("big", KEY, new byte[SIZE + 1]));
    }
  }
}
