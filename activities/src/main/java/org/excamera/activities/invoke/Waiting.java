package org.excamera.activities.invoke;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a future, heartbeating between polls; cancels the future if the heartbeat throws. */
final class Waiting {
  /** How often a waiting activity heartbeats (the SDK throttles what reaches the server). */
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(2);

  private Waiting() {}

  static <T> T await(Future<T> future, Runnable heartbeat)
      throws InterruptedException, ExecutionException {
    while (true) {
      try {
        return future.get(HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        try {
          heartbeat.run();
        } catch (RuntimeException cancelled) {
          future.cancel(true);
          throw cancelled;
        }
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      }
    }
  }
}
