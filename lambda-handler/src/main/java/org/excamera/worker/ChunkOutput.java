package org.excamera.worker;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a successful stage produced: the IVF it wrote and what is in it, the digest of the state it
 * published (if any), and how long each step took.
 *
 * @param output the IVF written
 * @param bytes its size in bytes
 * @param frames frames (IVF records) in it
 * @param keyFrames key frames among them
 * @param stateDigest digest of the published state, when one was published
 * @param timings the steps of this stage, in order
 */
public record ChunkOutput(
    BlobRef output,
    long bytes,
    int frames,
    int keyFrames,
    @Nullable String stateDigest,
    List<StageTiming> timings) {
  public ChunkOutput {
    timings = List.copyOf(timings);
  }
}
