package org.excamera.activities;

/**
 * Input of {@link JobActivities#splitSource}.
 *
 * @param jobId the job (names its work directory)
 * @param source the Y4M source, {@code file://} or {@code s3://}
 * @param chunkFrames N, frames per chunk
 * @param batchChunks x, chunks per batch (checked against this deployment's abilities)
 * @param encoder stage-1 encoder name ({@code vpxenc} or {@code java}), also checked
 */
public record SplitInput(
    String jobId, String source, int chunkFrames, int batchChunks, String encoder) {}
