package org.excamera.worker.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;
import org.excamera.worker.RendezvousEndpoint;
import org.excamera.worker.StateExchangeFailedException;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateKind;
import org.excamera.worker.StateUnavailableException;
import org.excamera.worker.port.StateExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** States through a real rendezvous server on loopback, as workers exchange them. */
class RendezvousStateExchangeTest {
  @TempDir Path dir;

  @Test
  void publishFetchWaitTimeoutAndAForeignToken() throws Exception {
    JobTokens tokens =
        JobTokens.withSecret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    try (RendezvousServer server =
            RendezvousServer.start(
                ServerSettings.builder(dir, tokens).port(0).insecureLoopback().build(),
                new SimpleMeterRegistry());
        RendezvousExchanges exchanges =
            new RendezvousExchanges(new InMemoryStateExchange(), null)) {
      String address = "127.0.0.1:" + server.port();
      StateExchange a =
          exchanges.forEndpoint(new RendezvousEndpoint(address, tokens.issue("a"), true));
      StateKey key = new StateKey(0, 2, StateKind.FINAL);
      CompletableFuture<byte[]> late =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return a.fetch("a", key, Duration.ofSeconds(30));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      a.publish("a", key, new byte[] {7, 8, 9});
      a.publish("a", key, new byte[] {7, 8, 9});
      assertArrayEquals(new byte[] {7, 8, 9}, late.get(30, TimeUnit.SECONDS));
      assertThrows(
          StateUnavailableException.class,
          () -> a.fetch("a", new StateKey(0, 3, StateKind.VPX), Duration.ofMillis(200)));
      StateExchangeFailedException foreign =
          assertThrows(
              StateExchangeFailedException.class,
              () ->
                  exchanges
                      .forEndpoint(new RendezvousEndpoint(address, tokens.issue("b"), true))
                      .fetch("a", key, Duration.ofSeconds(1)));
      assertFalse(foreign.retryable(), foreign.getMessage());
      StateExchangeFailedException conflict =
          assertThrows(
              StateExchangeFailedException.class, () -> a.publish("a", key, new byte[] {1}));
      assertTrue(String.valueOf(conflict.getMessage()).contains("rendezvous publish"));
    }
  }
}
