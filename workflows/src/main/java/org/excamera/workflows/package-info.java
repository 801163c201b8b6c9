/**
 * Temporal workflows of ExCamera (design §5): {@link org.excamera.workflows.EncodeJobWorkflow}
 * (workflow type {@code EncodeVideo}) plans, splits, runs one {@link
 * org.excamera.workflows.EncodeBatchWorkflow} child per batch and assembles; the batch runs stage 1
 * and 2 of its chunks in parallel and the serial rebase chain in order, dispatched ahead but
 * bounded. Every timeout and retry policy is in {@link org.excamera.workflows.ActivityPolicies}.
 * Workflow code orchestrates only: no I/O, clocks or randomness.
 */
@NullMarked
package org.excamera.workflows;

import org.jspecify.annotations.NullMarked;
