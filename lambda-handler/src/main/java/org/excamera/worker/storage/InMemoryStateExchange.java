package org.excamera.worker.storage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateUnavailableException;
import org.excamera.worker.port.StateExchange;

/**
 * States kept in this JVM, for embedded runs where every worker is in-process. Late readers wait on
 * a condition; re-publishing the same bytes is a no-op, different bytes under a taken key are a
 * broken determinism invariant ({@link IllegalStateException}).
 */
public final class InMemoryStateExchange implements StateExchange {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  private final Map<String, byte[]> states = new TreeMap<>();

  private static String slot(String jobId, StateKey key) {
    return jobId + "/" + key.name();
  }

  @Override
  public void publish(String jobId, StateKey key, byte[] state) {
    String slot = slot(jobId, key);
    lock.lock();
    try {
      byte[] old = states.get(slot);
      if (old != null) {
        if (!Arrays.equals(old, state)) {
          throw new IllegalStateException(
              "state "
                  + slot
                  + " re-published with different bytes (stages must be deterministic)");
        }
        return;
      }
      states.put(slot, state.clone());
      published.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public byte[] fetch(String jobId, StateKey key, Duration timeout) throws InterruptedException {
    String slot = slot(jobId, key);
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        byte[] state = states.get(slot);
        if (state != null) {
          return state.clone();
        }
        if (left <= 0) {
          throw new StateUnavailableException(
              "state " + slot + " not published within " + timeout.toMillis() + " ms");
        }
        left = published.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void deleteJob(String jobId) {
    lock.lock();
    try {
      states.keySet().removeIf(k -> k.startsWith(jobId + "/"));
    } finally {
      lock.unlock();
    }
  }

  /** Number of states held, for tests. */
  public int size() {
    lock.lock();
    try {
      return states.size();
    } finally {
      lock.unlock();
    }
  }
}
