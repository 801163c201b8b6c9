package org.excamera.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The job-level steps: split the source into chunks, assemble the output, clean up. */
@ActivityInterface
public interface JobActivities {
  /**
   * Checks that this deployment can run the plan (x > 1 needs stitching), then reads the Y4M source
   * and writes one raw chunk object per {@code chunkFrames} frames.
   */
  @ActivityMethod(name = "SplitSource")
  SplitResult splitSource(SplitInput input);

  /** Concatenates every chunk's final frames, in order, into one IVF at the output URI. */
  @ActivityMethod(name = "AssembleOutput")
  AssembleResult assembleOutput(AssembleInput input);

  /** Deletes the job's intermediate objects and states. */
  @ActivityMethod(name = "CleanupJob")
  void cleanupJob(CleanupInput input);
}
