package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.excamera.rendezvous.Crc32c;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader's view of one source of a key's bytes: a stored state, or an attempt still being
 * received. The channel holds the DATA frames; {@link #await} says how far it may be read.
 */
public final class Tail implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Tail.class);

  private final Job job;
  private final @Nullable Attempt attempt;
  private final @Nullable SharedFile shared;
  private final FileChannel channel;
  private final long rawLength;
  private final long dataLength; // stored sources only
  private final @Nullable Crc32c crc; // stored sources only
  private boolean closed;

  private Tail(
      Job job,
      @Nullable Attempt attempt,
      @Nullable SharedFile shared,
      FileChannel channel,
      long rawLength,
      long dataLength,
      @Nullable Crc32c crc) {
    this.job = job;
    this.attempt = attempt;
    this.shared = shared;
    this.channel = channel;
    this.rawLength = rawLength;
    this.dataLength = dataLength;
    this.crc = crc;
  }

  /** Tails an attempt; the caller holds the job's lock and has retained the attempt's file. */
  static Tail ofAttempt(Attempt a) {
    return new Tail(a.job, a, a.file, a.file.channel, a.rawLength, -1, null);
  }

  /** Reads a stored state through a shared file the caller retained under the job's lock. */
  static Tail ofShared(Job job, Stored s, SharedFile file) {
    return new Tail(job, null, file, file.channel, s.rawLength, s.dataLength, s.crc);
  }

  /** Reads a stored state through a channel of its own. */
  static Tail ofChannel(Job job, Stored s, FileChannel channel) {
    return new Tail(job, null, null, channel, s.rawLength, s.dataLength, s.crc);
  }

  public long rawLength() {
    return rawLength;
  }

  /** The frames; read it positionally (several tails may share it). */
  public FileChannel channel() {
    return channel;
  }

  /** Waits up to {@code maxWaitNanos} for bytes past {@code pos}, the end, or an abort. */
  public Progress await(long pos, long maxWaitNanos) throws InterruptedException {
    Attempt a = attempt;
    if (a == null) {
      return pos < dataLength
          ? new Progress(Progress.Status.DATA, dataLength, null)
          : new Progress(Progress.Status.END, dataLength, crc);
    }
    job.lock.lock();
    try {
      long left = maxWaitNanos;
      while (true) {
        if (a.aborted || job.deleted) {
          return new Progress(Progress.Status.ABORTED, a.written, null);
        }
        if (a.written > pos) {
          return new Progress(Progress.Status.DATA, a.written, null);
        }
        if (a.ended) {
          return new Progress(Progress.Status.END, a.written, a.crc);
        }
        if (left <= 0) {
          return new Progress(Progress.Status.IDLE, a.written, null);
        }
        left = a.slot.changed.awaitNanos(left);
      }
    } finally {
      job.lock.unlock();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    SharedFile s = shared;
    if (s == null) {
      job.lock.lock();
      try {
        job.openTails--;
      } finally {
        job.lock.unlock();
      }
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("closing a state file failed", e);
      }
      return;
    }
    boolean last;
    job.lock.lock();
    try {
      job.openTails--;
      last = s.release();
    } finally {
      job.lock.unlock();
    }
    if (last) {
      s.close();
    }
  }
}
