package org.excamera.workflows;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories (src/test/resources/histories/, made by {@link HistoryRecorderTest})
 * against today's workflow code: a change that would break running workflows fails here, and must
 * go behind {@code Workflow.getVersion}.
 */
class ReplayTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive", "stitched"})
  void jobHistoriesReplay(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + name + ".json", EncodeJobWorkflowImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive-batch-00001", "stitched-batch-00000", "stitched-batch-00002"})
  void batchHistoriesReplay(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + name + ".json", EncodeBatchWorkflowImpl.class);
  }
}
