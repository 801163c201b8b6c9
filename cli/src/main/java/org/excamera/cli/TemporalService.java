package org.excamera.cli;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.jspecify.annotations.Nullable;

/**
 * A Temporal service to run against: the embedded one (Temporal's in-JVM test server, real time,
 * nothing listening on a port) or an external one at {@code host:port}.
 */
final class TemporalService implements AutoCloseable {
  private final @Nullable TestWorkflowEnvironment embedded;
  private final @Nullable WorkflowServiceStubs stubs;
  private final @Nullable WorkerFactory factory;
  private final WorkflowClient client;
  private final String description;

  private TemporalService(
      @Nullable TestWorkflowEnvironment embedded,
      @Nullable WorkflowServiceStubs stubs,
      @Nullable WorkerFactory factory,
      WorkflowClient client,
      String description) {
    this.embedded = embedded;
    this.stubs = stubs;
    this.factory = factory;
    this.client = client;
    this.description = description;
  }

  static TemporalService embedded() {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    return new TemporalService(env, null, null, env.getWorkflowClient(), "embedded (in-JVM)");
  }

  static TemporalService connect(String target, String namespace) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    return new TemporalService(
        null, stubs, WorkerFactory.newInstance(client), client, target + " (" + namespace + ")");
  }

  WorkflowClient client() {
    return client;
  }

  String description() {
    return description;
  }

  Worker newWorker(String taskQueue, WorkerOptions options) {
    if (embedded != null) {
      return embedded.newWorker(taskQueue, options);
    }
    return java.util.Objects.requireNonNull(factory).newWorker(taskQueue, options);
  }

  void start() {
    if (embedded != null) {
      embedded.start();
    } else {
      java.util.Objects.requireNonNull(factory).start();
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
    if (factory != null) {
      factory.shutdownNow();
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
  }
}
