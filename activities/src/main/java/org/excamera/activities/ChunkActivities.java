package org.excamera.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The three stages of design §2 for one chunk, each an activity that invokes the worker. */
@ActivityInterface
public interface ChunkActivities {
  /**
   * Stage 1: vpxenc (or the Java chunk encoder); publishes S_vpx when the chunk has a successor.
   */
  @ActivityMethod(name = "EncodeChunk")
  ChunkTaskResult encodeChunk(ChunkTaskInput input);

  /** Stage 2 (position ≥ 1): encode-given-state against the predecessor's S_vpx, then rebase. */
  @ActivityMethod(name = "EncodeGivenState")
  ChunkTaskResult encodeGivenState(ChunkTaskInput input);

  /** Stage 3 (position ≥ 2): one link of the serial rebase chain. */
  @ActivityMethod(name = "RebaseChunk")
  ChunkTaskResult rebaseChunk(ChunkTaskInput input);
}
