package org.excamera.workflows;

import java.util.List;

/**
 * What a batch produced: its final chunks' frames, key frames and bytes, and the time per stage.
 *
 * @param batch the batch index
 * @param chunks chunks in it
 * @param frames frames of the final outputs
 * @param keyFrames key frames of the final outputs (1 when the batch is stitched correctly)
 * @param bytes bytes of the final outputs
 * @param stages time per stage
 */
public record BatchResult(
    int batch, int chunks, int frames, int keyFrames, long bytes, List<StageStats> stages) {
  public BatchResult {
    stages = List.copyOf(stages);
  }
}
