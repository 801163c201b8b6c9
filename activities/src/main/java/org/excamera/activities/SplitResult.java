package org.excamera.activities;

import org.excamera.worker.RendezvousEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Output of {@link JobActivities#splitSource}.
 *
 * @param workRoot the job's work directory (a blob URI); every later activity of the job uses it
 * @param video the source's format and frame count
 * @param chunks number of chunk objects written
 * @param millis time the split took
 * @param rendezvous the job's rendezvous and token, when this deployment has one; null: the
 *     workers' own state exchange
 */
public record SplitResult(
    String workRoot,
    VideoInfo video,
    int chunks,
    long millis,
    @Nullable RendezvousEndpoint rendezvous) {}
