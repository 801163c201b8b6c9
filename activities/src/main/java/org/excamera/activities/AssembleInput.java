package org.excamera.activities;

/**
 * Input of {@link JobActivities#assembleOutput}.
 *
 * @param jobId the job
 * @param workRoot the job's work directory
 * @param chunks number of chunks
 * @param frames frames in the whole video
 * @param chunkFrames frames per chunk (the last chunk may have fewer)
 * @param batchChunks chunks per batch: says which stage's output is each chunk's final one
 * @param output where to write the IVF ({@code file://} or {@code s3://})
 */
public record AssembleInput(
    String jobId,
    String workRoot,
    int chunks,
    int frames,
    int chunkFrames,
    int batchChunks,
    String output) {}
