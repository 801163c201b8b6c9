package org.excamera.cli;

import io.temporal.worker.Worker;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.excamera.workflows.EncodeJobWorkflow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code excamera worker --temporal HOST:PORT}: hosts the ExCamera workflows and activities for an
 * external Temporal service until interrupted.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Host the EncodeVideo workflows and activities for an external Temporal service.",
      "Chunk stages run in-process (--workers K) or in an AWS Lambda function"
          + " (--lambda-function, with --work s3://...). Runs until interrupted."
    })
final class WorkerCommand implements Callable<Integer> {
  @Option(
      names = "--temporal",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The Temporal service's frontend address.")
  String temporal = "";

  @Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description = "Task queue to poll (default: ${DEFAULT-VALUE}).")
  String taskQueue = EncodeJobWorkflow.TASK_QUEUE;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
  String namespace = "default";

  @Mixin HostOptions host = new HostOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CountDownLatch stopped = new CountDownLatch(1);
    try (PipelineHost pipeline = PipelineHost.create(host);
        TemporalService service = TemporalService.connect(temporal, namespace)) {
      Worker worker = service.newWorker(taskQueue, pipeline.workerOptions());
      pipeline.register(worker);
      service.start();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "excamera-stop"));
      spec.commandLine()
          .getErr()
          .printf(
              "excamera worker: polling %s on %s; chunk stages %s; work in %s; Ctrl-C stops%n",
              taskQueue, service.description(), pipeline.describe(), pipeline.workDirectory());
      spec.commandLine().getErr().flush();
      stopped.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("excamera worker: " + e.getMessage());
      return 1;
    }
  }
}
