package org.excamera.worker.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.Deadline;
import org.excamera.worker.InvalidRequestException;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerJson;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda function: one {@link WorkerRequest} in, one {@link WorkerResponse} out. A bad request
 * is answered with a typed {@code InvalidRequestException} response, not an unhandled function
 * error, so the invoker can tell it apart from a crash or timeout (which are retried). Handler
 * string: {@code org.excamera.worker.lambda.WorkerHandler::handleRequest}.
 */
public final class WorkerHandler implements RequestStreamHandler {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandler.class);

  private final ChunkWorker worker; // not Temporal's Worker: this runs one chunk's stages

  /** Lambda's constructor: clients built once per container. */
  public WorkerHandler() {
    this(LambdaEnvironment.fromSystem().worker());
  }

  /** Tests. */
  public WorkerHandler(ChunkWorker worker) {
    this.worker = worker;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    WorkerResponse response;
    try {
      WorkerRequest request = WorkerJson.readRequest(in);
      response = worker.run(request, Deadline.in(context.getRemainingTimeInMillis()));
    } catch (InvalidRequestException e) {
      log.warn("rejected request {}: {}", context.getAwsRequestId(), e.getMessage());
      response =
          WorkerResponse.failed(
              new WorkerError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), false));
    }
    WorkerJson.write(response, out);
  }
}
