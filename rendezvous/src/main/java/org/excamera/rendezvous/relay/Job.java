package org.excamera.rendezvous.relay;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.excamera.rendezvous.StateKey;
import org.jspecify.annotations.Nullable;

/**
 * A job's slots and bookkeeping. One lock per job guards everything here and in its slots, attempts
 * and stored states; nobody holds it across I/O. The directory is created by the first publisher
 * (others wait on the future, not on the lock).
 */
final class Job {
  final String id;
  final ReentrantLock lock = new ReentrantLock();
  final Map<StateKey, Slot> slots = new HashMap<>(); // guarded by lock
  boolean deleted; // guarded by lock
  long lastActivityMillis; // guarded by lock
  int liveAttempts; // guarded by lock
  int waiters; // guarded by lock
  int openTails; // guarded by lock: tails not closed yet (their files must not be recycled)
  @Nullable CompletableFuture<Path> directory; // guarded by lock

  Job(String id, long nowMillis) {
    this.id = id;
    this.lastActivityMillis = nowMillis;
  }

  /** The slot for {@code key}, created if absent; the caller holds the lock. */
  Slot slot(StateKey key) {
    return slots.computeIfAbsent(key, k -> new Slot(k, lock.newCondition()));
  }

  /** Wakes everybody waiting on any slot; the caller holds the lock. */
  void signalAll() {
    for (Slot s : slots.values()) {
      s.changed.signalAll();
    }
  }
}
