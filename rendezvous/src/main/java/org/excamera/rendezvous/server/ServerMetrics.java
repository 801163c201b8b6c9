package org.excamera.rendezvous.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.relay.BufferPool;
import org.excamera.rendezvous.relay.StateStore;

/**
 * The server's meters: {@code rendezvous.publishes} and {@code rendezvous.fetches} by outcome,
 * {@code rendezvous.bytes} in and out, {@code rendezvous.rejections} by error code, the gauges
 * {@code rendezvous.waiters}, {@code rendezvous.connections}, {@code rendezvous.jobs}, {@code
 * rendezvous.memory.used} and the timer {@code rendezvous.fetch.wait} (from FETCH to the first byte
 * of the state).
 */
final class ServerMetrics {
  private final Map<PublishOutcome, Counter> published = new EnumMap<>(PublishOutcome.class);
  private final Map<ErrorCode, Counter> rejections = new EnumMap<>(ErrorCode.class);
  private final Counter publishFailed;
  private final Counter fetchServed;
  private final Counter fetchTimedOut;
  private final Counter fetchFailed;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Timer fetchWait;

  ServerMetrics(
      MeterRegistry registry, StateStore store, BufferPool buffers, IntSupplier connections) {
    for (PublishOutcome o : PublishOutcome.values()) {
      published.put(
          o,
          Counter.builder("rendezvous.publishes")
              .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry));
    }
    publishFailed =
        Counter.builder("rendezvous.publishes").tag("outcome", "failed").register(registry);
    for (ErrorCode c : ErrorCode.values()) {
      rejections.put(
          c, Counter.builder("rendezvous.rejections").tag("code", c.name()).register(registry));
    }
    fetchServed = Counter.builder("rendezvous.fetches").tag("outcome", "served").register(registry);
    fetchTimedOut =
        Counter.builder("rendezvous.fetches").tag("outcome", "timeout").register(registry);
    fetchFailed = Counter.builder("rendezvous.fetches").tag("outcome", "failed").register(registry);
    bytesIn = Counter.builder("rendezvous.bytes").tag("direction", "in").register(registry);
    bytesOut = Counter.builder("rendezvous.bytes").tag("direction", "out").register(registry);
    fetchWait = Timer.builder("rendezvous.fetch.wait").register(registry);
    Gauge.builder("rendezvous.waiters", store, StateStore::waiting).register(registry);
    Gauge.builder("rendezvous.jobs", store, StateStore::jobCount).register(registry);
    // Held strongly: Micrometer keeps a gauge's object weakly, and this supplier (a method
    // reference made by the server) has no other holder, so a collection would turn it into NaN.
    Gauge.builder("rendezvous.connections", connections, IntSupplier::getAsInt)
        .strongReference(true)
        .register(registry);
    Gauge.builder("rendezvous.memory.used", buffers, BufferPool::inUse).register(registry);
  }

  void published(PublishOutcome outcome, long rawBytes) {
    java.util.Objects.requireNonNull(published.get(outcome)).increment();
    bytesIn.increment(rawBytes);
  }

  void publishFailed() {
    publishFailed.increment();
  }

  void fetchServed(long wireBytes) {
    fetchServed.increment();
    bytesOut.increment(wireBytes);
  }

  void fetchTimedOut() {
    fetchTimedOut.increment();
  }

  void fetchFailed() {
    fetchFailed.increment();
  }

  void waited(long nanos) {
    fetchWait.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void rejected(ErrorCode code) {
    java.util.Objects.requireNonNull(rejections.get(code)).increment();
  }
}
