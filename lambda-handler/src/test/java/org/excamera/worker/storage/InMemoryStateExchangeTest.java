package org.excamera.worker.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateKind;
import org.excamera.worker.StateUnavailableException;
import org.junit.jupiter.api.Test;

class InMemoryStateExchangeTest {
  private final InMemoryStateExchange states = new InMemoryStateExchange();
  private final StateKey key = new StateKey(0, 3, StateKind.FINAL);

  @Test
  void aReaderThatComesFirstGetsTheStateWhenItIsPublished() throws Exception {
    CompletableFuture<byte[]> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return states.fetch("j", key, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    states.publish("j", key, new byte[] {1, 2});
    assertArrayEquals(new byte[] {1, 2}, reader.get(30, TimeUnit.SECONDS));
  }

  @Test
  void republishingTheSameBytesIsHarmlessDifferentBytesAreABrokenInvariant() {
    states.publish("j", key, new byte[] {1});
    states.publish("j", key, new byte[] {1});
    assertThrows(IllegalStateException.class, () -> states.publish("j", key, new byte[] {2}));
  }

  @Test
  void missingStateTimesOutRetryablyAndJobsAreDeletedWhole() {
    assertThrows(
        StateUnavailableException.class, () -> states.fetch("j", key, Duration.ofMillis(20)));
    states.publish("j", key, new byte[] {1});
    states.publish("k", key, new byte[] {1});
    states.deleteJob("j");
    assertEquals(1, states.size());
  }
}
