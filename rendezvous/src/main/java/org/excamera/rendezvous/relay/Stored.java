package org.excamera.rendezvous.relay;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.excamera.rendezvous.Crc32c;
import org.jspecify.annotations.Nullable;

/**
 * A state installed under its key. Until it is durable it is read through the attempt's shared
 * file; afterwards by its final path. Mutable fields are guarded by the job's lock.
 */
final class Stored {
  final long rawLength;
  final long dataLength;
  final Crc32c crc;
  final CompletableFuture<Void> durable = new CompletableFuture<>();
  @Nullable SharedFile shared;
  @Nullable Path path;

  Stored(long rawLength, long dataLength, Crc32c crc) {
    this.rawLength = rawLength;
    this.dataLength = dataLength;
    this.crc = crc;
  }
}
