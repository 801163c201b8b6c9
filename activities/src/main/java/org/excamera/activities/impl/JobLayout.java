package org.excamera.activities.impl;

import org.excamera.worker.BlobRef;

/**
 * Where a job's objects live under its work root: {@code chunk-000012/raw.y4m} (the split), {@code
 * vpx.ivf} (stage 1), {@code pass1.ivf} (stage 2) and {@code rebased.ivf} (stage 3). A chunk's
 * final output is stage 1's at position 0, stage 2's at position 1 and stage 3's after (design §2).
 */
public final class JobLayout {
  private final BlobRef root;

  public JobLayout(String workRoot) {
    this.root = BlobRef.parse(workRoot);
  }

  /** The job's work root under a deployment's work directory. */
  public static BlobRef jobRoot(BlobRef workDirectory, String jobId) {
    return workDirectory.resolve("jobs/" + jobId);
  }

  public BlobRef root() {
    return root;
  }

  private BlobRef chunkDir(int chunk) {
    return root.resolve("chunk-%06d".formatted(chunk));
  }

  public BlobRef raw(int chunk) {
    return chunkDir(chunk).resolve("raw.y4m");
  }

  public BlobRef vpx(int chunk) {
    return chunkDir(chunk).resolve("vpx.ivf");
  }

  public BlobRef pass1(int chunk) {
    return chunkDir(chunk).resolve("pass1.ivf");
  }

  public BlobRef rebased(int chunk) {
    return chunkDir(chunk).resolve("rebased.ivf");
  }

  /** The chunk's final frames, given its position in its batch. */
  public BlobRef finalOutput(int chunk, int position) {
    return switch (position) {
      case 0 -> vpx(chunk);
      case 1 -> pass1(chunk);
      default -> rebased(chunk);
    };
  }
}
