package org.excamera.rendezvous.relay;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Payload buffers under a fixed memory budget. Every buffer the server uses for state bytes comes
 * from here, so the bytes it allocates for payloads never exceed {@link #limit()}: a request that
 * would exceed it waits, and gives up after its timeout (the server then answers BUSY). Released
 * buffers are kept for reuse; idle ones of another size are dropped to make room. The buffers are
 * direct (plaintext servers: socket, file and checksum work on them without a copy through the
 * heap) or heap (TLS servers: the TLS streams read and write arrays).
 */
public final class BufferPool {
  private final long limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final boolean direct;
  private final Map<Integer, ArrayDeque<ByteBuffer>> idle = new TreeMap<>();
  private long allocated; // guarded by lock: bytes of all live buffers, idle or lent
  private long lent; // guarded by lock
  private long peakLent; // guarded by lock

  public BufferPool(long limitBytes, boolean direct) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("memory budget must be positive: " + limitBytes);
    }
    this.limit = limitBytes;
    this.direct = direct;
  }

  /**
   * Lends a cleared buffer of exactly {@code size} bytes, waiting up to {@code timeout} for room.
   *
   * @return the buffer, or null if the budget stayed exhausted for the whole timeout
   */
  public @Nullable ByteBuffer acquire(int size, long timeout, TimeUnit unit)
      throws InterruptedException {
    if (size > limit) {
      throw new IllegalArgumentException(
          "buffer of %d bytes exceeds the memory budget %d".formatted(size, limit));
    }
    long left = unit.toNanos(timeout);
    boolean allocate = false;
    @Nullable ByteBuffer buffer = null;
    lock.lock();
    try {
      while (true) {
        ArrayDeque<ByteBuffer> same = idle.get(size);
        if (same != null && !same.isEmpty()) {
          buffer = same.pop();
          break;
        }
        dropIdleUntilRoomFor(size);
        if (allocated + size <= limit) {
          allocated += size;
          allocate = true;
          break;
        }
        if (left <= 0) {
          return null;
        }
        left = released.awaitNanos(left);
      }
      lent += size;
      peakLent = Math.max(peakLent, lent);
    } finally {
      lock.unlock();
    }
    if (allocate || buffer == null) {
      return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }
    return buffer.clear();
  }

  private void dropIdleUntilRoomFor(int size) {
    for (ArrayDeque<ByteBuffer> q : idle.values()) {
      while (allocated + size > limit && !q.isEmpty()) {
        allocated -= q.pop().capacity();
      }
    }
  }

  /** Returns a buffer lent by {@link #acquire}. */
  public void release(ByteBuffer buffer) {
    lock.lock();
    try {
      lent -= buffer.capacity();
      idle.computeIfAbsent(buffer.capacity(), k -> new ArrayDeque<>()).push(buffer);
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public long limit() {
    return limit;
  }

  /** Bytes lent out now. */
  public long inUse() {
    lock.lock();
    try {
      return lent;
    } finally {
      lock.unlock();
    }
  }

  /** The most bytes ever lent out at once. */
  public long peakInUse() {
    lock.lock();
    try {
      return peakLent;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes allocated for buffers, lent or idle; never above {@link #limit()}. */
  public long allocated() {
    lock.lock();
    try {
      return allocated;
    } finally {
      lock.unlock();
    }
  }
}
