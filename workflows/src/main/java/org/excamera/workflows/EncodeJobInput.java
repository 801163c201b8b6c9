package org.excamera.workflows;

import org.excamera.worker.RendezvousEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * The input of {@code EncodeVideo}, as JSON: {@code {"source": URI, "output": URI, "chunkFrames":
 * N, "batchChunks": x, "cqLevel": Q, "encoder": "vpxenc"|"java"}}. Only source and output are
 * required ({@code file://} or {@code s3://}); {@link #resolve()} fills in the defaults.
 *
 * @param source the Y4M source
 * @param output where the IVF goes
 * @param chunkFrames N, frames per chunk (default 6)
 * @param batchChunks x, chunks per batch, i.e. per key frame (default 16)
 * @param cqLevel vpxenc's cq level, 0..63 (default 32)
 * @param encoder stage-1 encoder, {@code vpxenc} (default) or {@code java}
 * @param chainLookahead links of the serial chain in flight per batch (default 2: one rebasing, one
 *     preloaded and waiting for its predecessor's state)
 * @param maxBatchesInFlight batch child workflows running at once (default 128)
 * @param keepIntermediates keep the job's chunk objects after it ends (default false)
 * @param rendezvous the rendezvous the workers use; absent: the workers' own exchange
 */
public record EncodeJobInput(
    String source,
    String output,
    @Nullable Integer chunkFrames,
    @Nullable Integer batchChunks,
    @Nullable Integer cqLevel,
    @Nullable String encoder,
    @Nullable Integer chainLookahead,
    @Nullable Integer maxBatchesInFlight,
    @Nullable Boolean keepIntermediates,
    @Nullable RendezvousEndpoint rendezvous) {

  public static final int DEFAULT_CHUNK_FRAMES = 6;
  public static final int DEFAULT_BATCH_CHUNKS = 16;
  public static final int DEFAULT_CQ_LEVEL = 32;
  public static final String DEFAULT_ENCODER = "vpxenc";
  public static final int DEFAULT_CHAIN_LOOKAHEAD = 2;
  public static final int DEFAULT_MAX_BATCHES_IN_FLIGHT = 128;

  /** Source and output; everything else default. */
  public static EncodeJobInput of(String source, String output) {
    return new EncodeJobInput(source, output, null, null, null, null, null, null, null, null);
  }

  /** The settings with defaults filled in, validated. */
  public JobSettings resolve() {
    return new JobSettings(
        source,
        output,
        chunkFrames == null ? DEFAULT_CHUNK_FRAMES : chunkFrames,
        batchChunks == null ? DEFAULT_BATCH_CHUNKS : batchChunks,
        cqLevel == null ? DEFAULT_CQ_LEVEL : cqLevel,
        encoder == null ? DEFAULT_ENCODER : encoder,
        chainLookahead == null ? DEFAULT_CHAIN_LOOKAHEAD : chainLookahead,
        maxBatchesInFlight == null ? DEFAULT_MAX_BATCHES_IN_FLIGHT : maxBatchesInFlight,
        keepIntermediates != null && keepIntermediates,
        rendezvous);
  }
}
