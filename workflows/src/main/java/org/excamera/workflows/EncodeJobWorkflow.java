package org.excamera.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One ExCamera[N,x] encode of one video. Workflow type {@code EncodeVideo}. */
@WorkflowInterface
public interface EncodeJobWorkflow {
  /** The workflow type name that clients start. */
  String TYPE = "EncodeVideo";

  /** The task queue workflows and activities are hosted on by default. */
  String TASK_QUEUE = "excamera";

  @WorkflowMethod(name = TYPE)
  EncodeJobResult run(EncodeJobInput input);

  /** Chunks per stage, for progress bars. */
  @QueryMethod(name = "progress")
  JobProgress progress();
}
