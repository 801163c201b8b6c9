package org.excamera.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories (src/test/resources/histories/, made by {@link HistoryRecorderTest})
 * against today's workflow code: a change that would break running workflows fails here, and must
 * go behind {@code Workflow.getVersion}. Each history replays under its recorded workflow id, which
 * the job's child ids derive from.
 */
class ReplayTest {
  private static WorkflowExecutionHistory history(String name) throws Exception {
    try (InputStream in =
        Objects.requireNonNull(
            ReplayTest.class.getResourceAsStream("/histories/" + name + ".json"), name)) {
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive", "stitched"})
  void jobHistoriesReplay(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(name), EncodeJobWorkflowImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive-batch-00001", "stitched-batch-00000", "stitched-batch-00002"})
  void batchHistoriesReplay(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(name), EncodeBatchWorkflowImpl.class);
  }
}
