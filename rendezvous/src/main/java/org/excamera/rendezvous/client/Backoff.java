package org.excamera.rendezvous.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in [c/2, c] with c = min(cap,
 * base * 2^n). Jitter spreads the reconnects of many workers after a server restart.
 */
final class Backoff {
  private final long baseMillis;
  private final long capMillis;
  private int attempt;

  Backoff(long baseMillis, long capMillis) {
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
  }

  long nextDelayMillis() {
    long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
    attempt++;
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }
}
