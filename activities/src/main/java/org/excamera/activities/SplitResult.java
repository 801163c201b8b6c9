package org.excamera.activities;

/**
 * Output of {@link JobActivities#splitSource}.
 *
 * @param workRoot the job's work directory (a blob URI); every later activity of the job uses it
 * @param video the source's format and frame count
 * @param chunks number of chunk objects written
 * @param millis time the split took
 */
public record SplitResult(String workRoot, VideoInfo video, int chunks, long millis) {}
