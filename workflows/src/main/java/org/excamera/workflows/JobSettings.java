package org.excamera.workflows;

import java.util.Locale;
import org.excamera.worker.BlobRef;
import org.excamera.worker.RendezvousEndpoint;
import org.excamera.worker.WorkerRequest;
import org.jspecify.annotations.Nullable;

/** {@link EncodeJobInput} with every default filled in; the constructor validates. */
public record JobSettings(
    String source,
    String output,
    int chunkFrames,
    int batchChunks,
    int cqLevel,
    String encoder,
    int chainLookahead,
    int maxBatchesInFlight,
    boolean keepIntermediates,
    @Nullable RendezvousEndpoint rendezvous) {

  public JobSettings {
    BlobRef.parse(source);
    BlobRef.parse(output);
    if (chunkFrames < 1 || chunkFrames > WorkerRequest.MAX_FRAMES) {
      throw new IllegalArgumentException(
          "chunkFrames must be 1..%d, got %d".formatted(WorkerRequest.MAX_FRAMES, chunkFrames));
    }
    if (batchChunks < 1 || batchChunks > 10_000) {
      throw new IllegalArgumentException("batchChunks must be 1..10000, got " + batchChunks);
    }
    if (cqLevel < 0 || cqLevel > 63) {
      throw new IllegalArgumentException("cqLevel must be 0..63, got " + cqLevel);
    }
    encoder = encoder.toLowerCase(Locale.ROOT);
    if (!encoder.equals("vpxenc") && !encoder.equals("java")) {
      throw new IllegalArgumentException("encoder must be vpxenc or java, got " + encoder);
    }
    if (chainLookahead < 1 || chainLookahead > 64) {
      throw new IllegalArgumentException("chainLookahead must be 1..64, got " + chainLookahead);
    }
    if (maxBatchesInFlight < 1 || maxBatchesInFlight > 1000) {
      throw new IllegalArgumentException(
          "maxBatchesInFlight must be 1..1000, got " + maxBatchesInFlight);
    }
  }
}
