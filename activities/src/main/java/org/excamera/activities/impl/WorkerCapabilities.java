package org.excamera.activities.impl;

import java.util.Set;
import org.excamera.worker.EncoderKind;

/**
 * What the deployment's workers can do, checked before a job splits its source so that an
 * impossible plan fails at once with a clear reason (rather than after stage 1 of every chunk).
 *
 * @param canStitch encode-given-state and rebase are available (ExCamera[N,x] with x > 1)
 * @param encoders the stage-1 encoders available
 */
public record WorkerCapabilities(boolean canStitch, Set<EncoderKind> encoders) {
  public WorkerCapabilities {
    encoders = Set.copyOf(encoders);
  }
}
