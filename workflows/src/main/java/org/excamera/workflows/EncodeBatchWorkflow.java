package org.excamera.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One batch of x chunks: stage 1 of every chunk and pass 1 of positions ≥ 1 in parallel, then the
 * serial chain over positions ≥ 2 (design §2, §5). A child of {@link EncodeJobWorkflow}, so each
 * history stays small. Workflow type {@code EncodeBatch}.
 */
@WorkflowInterface
public interface EncodeBatchWorkflow {
  String TYPE = "EncodeBatch";

  @WorkflowMethod(name = TYPE)
  BatchResult run(BatchInput input);

  @QueryMethod(name = "progress")
  BatchProgress progress();
}
