package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open file channel shared by an attempt's writer and the readers tailing it, closed when the
 * last one lets go. Positional reads and writes on a {@link FileChannel} are safe from several
 * threads. The count is guarded by the owning job's lock; closing happens after that lock is
 * released.
 */
final class SharedFile {
  private static final Logger log = LoggerFactory.getLogger(SharedFile.class);

  final FileChannel channel;
  private int refs = 1; // guarded by the job's lock

  SharedFile(FileChannel channel) {
    this.channel = channel;
  }

  /** Adds a user; the caller holds the job's lock. */
  void retain() {
    if (refs <= 0) {
      throw new AssertionError("retain of a closed shared file");
    }
    refs++;
  }

  /**
   * Drops a user; the caller holds the job's lock. Returns true when this was the last one: the
   * caller must then {@link #close} once it has released the lock.
   */
  boolean release() {
    if (refs <= 0) {
      throw new AssertionError("release of a closed shared file");
    }
    return --refs == 0;
  }

  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("closing a state file failed", e);
    }
  }
}
