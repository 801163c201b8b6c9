package org.excamera.workflows.plan;

/**
 * One chunk of the plan.
 *
 * @param index chunk index in the job
 * @param batch its batch
 * @param position index inside the batch; position 0 keeps vpxenc's key frame
 * @param firstFrame index of its first source frame
 * @param frames number of source frames (N, or fewer for the last chunk)
 * @param hasSuccessor whether the next chunk is in the same batch (and so needs this chunk's
 *     states)
 */
public record ChunkPlan(
    int index, int batch, int position, int firstFrame, int frames, boolean hasSuccessor) {}
