package org.excamera.workflows;

import org.excamera.worker.RendezvousEndpoint;
import org.excamera.workflows.plan.BatchPlan;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@link EncodeBatchWorkflow}: the batch's plan and what every chunk task needs.
 *
 * @param jobId the job
 * @param workRoot the job's work directory
 * @param plan the batch
 * @param cqLevel vpxenc's cq level
 * @param encoder stage-1 encoder
 * @param chainLookahead chain links in flight at most
 * @param rendezvous the job's rendezvous, if any
 */
public record BatchInput(
    String jobId,
    String workRoot,
    BatchPlan plan,
    int cqLevel,
    String encoder,
    int chainLookahead,
    @Nullable RendezvousEndpoint rendezvous) {}
