package org.excamera.activities;

import org.excamera.worker.RendezvousEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * One stage of one chunk, as the workflow schedules it. Blob references are derived from {@code
 * workRoot} and the chunk index by {@link org.excamera.activities.impl.JobLayout}, so the payload
 * stays a few hundred bytes.
 *
 * @param jobId the job
 * @param workRoot the job's work directory from {@link SplitResult#workRoot()}
 * @param batch batch index
 * @param chunk chunk index in the job
 * @param position index inside the batch
 * @param frames frames in this chunk
 * @param cqLevel vpxenc's cq level
 * @param encoder {@code vpxenc} or {@code java}
 * @param publishState whether this stage publishes its state for the next chunk of the batch
 * @param rendezvous the job's rendezvous, or null for the worker's own state exchange
 * @param stateWaitMillis how long the stage may wait for a predecessor's state
 */
public record ChunkTaskInput(
    String jobId,
    String workRoot,
    int batch,
    int chunk,
    int position,
    int frames,
    int cqLevel,
    String encoder,
    boolean publishState,
    @Nullable RendezvousEndpoint rendezvous,
    long stateWaitMillis) {}
