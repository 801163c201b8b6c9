package org.excamera.activities;

/**
 * Output of {@link JobActivities#assembleOutput}.
 *
 * @param output the IVF written
 * @param bytes its size in bytes
 * @param frames frames (IVF records) in it
 * @param keyFrames key frames among them
 * @param millis time the assembly took
 */
public record AssembleResult(String output, long bytes, int frames, int keyFrames, long millis) {}
