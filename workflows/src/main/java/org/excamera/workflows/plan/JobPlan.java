package org.excamera.workflows.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * ExCamera[N,x] over a video of F frames (design §1): ceil(F/N) chunks of N frames (the last may be
 * shorter), grouped into ceil(chunks/x) batches of x chunks (the last may be smaller). Exactly one
 * key frame per batch.
 */
public record JobPlan(int frames, int chunkFrames, int batchChunks, List<BatchPlan> batches) {
  /** Most chunks a job may have: keeps workflow state and histories bounded. */
  public static final int MAX_CHUNKS = 1_000_000;

  public JobPlan {
    batches = List.copyOf(batches);
  }

  public static JobPlan of(int frames, int chunkFrames, int batchChunks) {
    if (frames < 1) {
      throw new IllegalArgumentException("a video needs at least one frame: " + frames);
    }
    if (chunkFrames < 1 || batchChunks < 1) {
      throw new IllegalArgumentException(
          "chunkFrames and batchChunks must be positive: %d, %d"
              .formatted(chunkFrames, batchChunks));
    }
    int chunks = (int) ((frames + (long) chunkFrames - 1) / chunkFrames);
    if (chunks > MAX_CHUNKS) {
      throw new IllegalArgumentException("too many chunks: " + chunks);
    }
    List<BatchPlan> batches = new ArrayList<>();
    for (int first = 0; first < chunks; first += batchChunks) {
      int batch = first / batchChunks;
      int size = Math.min(batchChunks, chunks - first);
      List<ChunkPlan> members = new ArrayList<>(size);
      for (int p = 0; p < size; p++) {
        int c = first + p;
        int firstFrame = c * chunkFrames;
        members.add(
            new ChunkPlan(
                c, batch, p, firstFrame, Math.min(chunkFrames, frames - firstFrame), p + 1 < size));
      }
      batches.add(new BatchPlan(batch, members));
    }
    return new JobPlan(frames, chunkFrames, batchChunks, batches);
  }

  public int chunks() {
    int n = 0;
    for (BatchPlan b : batches) {
      n += b.size();
    }
    return n;
  }

  /** Key frames the output must have: one per batch. */
  public int expectedKeyFrames() {
    return batches.size();
  }
}
