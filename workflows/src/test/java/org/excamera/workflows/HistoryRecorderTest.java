package org.excamera.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link ReplayTest} replays, into {@code
 * src/test/resources/histories/}. Not a test: run it on purpose after a deliberate, versioned
 * change of workflow logic, with {@code -Dexcamera.recordHistories=true}, and commit the files.
 */
@EnabledIfSystemProperty(named = "excamera.recordHistories", matches = "true")
class HistoryRecorderTest {
  @Test
  void record() throws Exception {
    Path dir = Path.of("src/test/resources/histories");
    Files.createDirectories(dir);
    record(dir, "naive", EncodeJobWorkflowTest.input(6, 1, 2), 18, List.of("naive-batch-00001"));
    record(
        dir,
        "stitched",
        EncodeJobWorkflowTest.input(6, 4, 2),
        60,
        List.of("stitched-batch-00000", "stitched-batch-00002"));
  }

  private static void record(
      Path dir, String id, EncodeJobInput input, int frames, List<String> children)
      throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("record");
      worker.registerWorkflowImplementationTypes(
          EncodeJobWorkflowImpl.class, EncodeBatchWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeActivities(frames));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      client
          .newWorkflowStub(
              EncodeJobWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue("record").setWorkflowId(id).build())
          .run(input);
      write(dir.resolve(id + ".json"), client.fetchHistory(id).toJson(true));
      for (String child : children) {
        write(dir.resolve(child + ".json"), client.fetchHistory(child).toJson(true));
      }
    }
  }

  private static void write(Path file, String json) throws Exception {
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
  }
}
