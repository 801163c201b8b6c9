package org.excamera.worker.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.excamera.worker.BlobRef;

/**
 * Blob storage for raw chunks and encoded outputs. Writes are atomic (a reader sees the whole
 * object or none) and overwrite, so a retried stage may write its output again. A missing object is
 * a {@link org.excamera.worker.BlobNotFoundException}; I/O trouble is an {@link IOException}.
 */
public interface BlobStore {
  /** Opens an object for streaming reads. */
  InputStream open(BlobRef ref) throws IOException;

  /** Reads a whole object; meant for chunk-sized objects. */
  default byte[] read(BlobRef ref) throws IOException {
    try (InputStream in = open(ref)) {
      return in.readAllBytes();
    }
  }

  /** Writes a whole object. */
  void write(BlobRef ref, byte[] bytes) throws IOException;

  /** Writes a local file as an object (large objects go in parts where the store needs that). */
  void upload(Path file, BlobRef ref) throws IOException;

  /** Copies an object to a local file. */
  void download(BlobRef ref, Path file) throws IOException;

  boolean exists(BlobRef ref) throws IOException;

  /** Size in bytes. */
  long size(BlobRef ref) throws IOException;

  /** Deletes every object whose reference starts with {@code prefix}; returns how many. */
  int deleteAll(BlobRef prefix) throws IOException;
}
