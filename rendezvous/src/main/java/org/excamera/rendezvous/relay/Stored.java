package org.excamera.rendezvous.relay;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.excamera.rendezvous.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * A state installed under its key. Until it is durable it is read through the attempt's shared
 * file; afterwards by its final path. Mutable fields are guarded by the job's lock.
 */
final class Stored {
  final long rawLength;
  final long dataLength;
  final Sha256 digest;
  final CompletableFuture<Void> durable = new CompletableFuture<>();
  @Nullable SharedFile shared;
  @Nullable Path path;

  Stored(long rawLength, long dataLength, Sha256 digest) {
    this.rawLength = rawLength;
    this.dataLength = dataLength;
    this.digest = digest;
  }
}
