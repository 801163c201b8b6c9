package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.StateKey;
import org.jspecify.annotations.Nullable;

/**
 * One publish being received into its own part file. The writer thread appends complete DATA
 * frames; readers tail the file up to {@link #written}. Fields marked guarded belong to the job's
 * lock; the rest are the writer thread's own.
 */
public final class Attempt {
  final Job job;
  final Slot slot;
  final Path partFile;
  final SharedFile file;
  final long rawLength;
  long written; // guarded by job.lock: bytes of complete frames, readable by tailers
  boolean ended; // guarded: the checksum is known and this attempt's bytes are the key's bytes
  boolean aborted; // guarded: readers must discard what they got from this attempt
  @Nullable Crc32c crc; // guarded
  private long writePosition; // writer thread only
  boolean writerDone; // writer thread only

  Attempt(Job job, Slot slot, Path partFile, SharedFile file, long rawLength) {
    this.job = job;
    this.slot = slot;
    this.partFile = partFile;
    this.file = file;
    this.rawLength = rawLength;
  }

  public String job() {
    return job.id;
  }

  public StateKey key() {
    return slot.key;
  }

  public long rawLength() {
    return rawLength;
  }

  /**
   * Appends complete frames to the part file (I/O without the lock), then publishes the new end to
   * tailing readers.
   */
  public void append(byte[] frames, int off, int len) throws IOException {
    write(frames, off, len);
    publishWritten();
  }

  /** Appends bytes to the part file without showing them to readers yet (writer thread only). */
  public void write(byte[] bytes, int off, int len) throws IOException {
    write(ByteBuffer.wrap(bytes, off, len));
  }

  /**
   * Appends the remaining bytes of {@code src} (consuming them), as {@link #write(byte[], int,
   * int)}.
   */
  public void write(ByteBuffer src) throws IOException {
    int len = src.remaining();
    StateFile.writeFully(file.channel, src, writePosition);
    writePosition += len;
  }

  /** Shows readers everything written so far: call at a frame boundary, once it is checked. */
  public void publishWritten() {
    job.lock.lock();
    try {
      written = writePosition;
      slot.changed.signalAll();
    } finally {
      job.lock.unlock();
    }
  }

  long writePosition() {
    return writePosition;
  }
}
