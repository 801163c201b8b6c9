package org.excamera.workflows;

import java.util.List;

/**
 * The summary {@code EncodeVideo} returns.
 *
 * @param jobId the job
 * @param output the IVF written
 * @param width frame width
 * @param height frame height
 * @param frames frames encoded
 * @param chunks chunks (N frames each)
 * @param batches batches (x chunks each)
 * @param keyFrames key frames in the output (one per batch)
 * @param bytes size of the output
 * @param seconds duration of the video
 * @param kilobitsPerSecond bitrate of the output
 * @param chunkFrames N
 * @param batchChunks x
 * @param cqLevel the cq level
 * @param encoder the stage-1 encoder
 * @param wallMillis from the workflow's start to its end (workflow time)
 * @param stages time per stage: split, the worker steps (vpxenc, decode, encode-given-state, wait,
 *     rebase, fetch, store, publish), assemble
 */
public record EncodeJobResult(
    String jobId,
    String output,
    int width,
    int height,
    int frames,
    int chunks,
    int batches,
    int keyFrames,
    long bytes,
    double seconds,
    double kilobitsPerSecond,
    int chunkFrames,
    int batchChunks,
    int cqLevel,
    String encoder,
    long wallMillis,
    List<StageStats> stages) {
  public EncodeJobResult {
    stages = List.copyOf(stages);
  }
}
