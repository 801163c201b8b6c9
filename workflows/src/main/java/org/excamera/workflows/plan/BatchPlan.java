package org.excamera.workflows.plan;

import java.util.List;

/** One batch: x consecutive chunks (fewer at the end), one key frame. */
public record BatchPlan(int index, List<ChunkPlan> chunks) {
  public BatchPlan {
    chunks = List.copyOf(chunks);
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("batch " + index + " has no chunks");
    }
  }

  public int firstChunk() {
    return chunks.get(0).index();
  }

  public int size() {
    return chunks.size();
  }

  /** The chunk at a position of this batch. */
  public ChunkPlan at(int position) {
    return chunks.get(position);
  }
}
