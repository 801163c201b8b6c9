package org.excamera.activities.invoke;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.excamera.worker.InvalidRequestException;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerJson;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Runs the worker as an AWS Lambda function (synchronous {@code RequestResponse} invocations
 * through the AWS SDK v2 {@link LambdaClient}), heartbeating while it waits.
 *
 * <p>Failures are mapped once, here, into typed {@link WorkerError}s:
 *
 * <ul>
 *   <li>the function's own typed error response: kept as is (its type and retry flag);
 *   <li>an unhandled function error ({@code X-Amz-Function-Error}: a crash, out of memory, the
 *       function's timeout): retryable, type {@code LambdaFunctionError};
 *   <li>throttling (HTTP 429) and service errors (5xx), network failures: retryable;
 *   <li>other client errors (4xx: no such function or alias, no permission, request too large): not
 *       retryable, since the same call fails again.
 * </ul>
 */
public final class LambdaInvoker implements WorkerInvoker, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LambdaInvoker.class);

  /** Lambda's longest function timeout, plus time for the response to arrive. */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(16);

  private final LambdaClient lambda;
  private final String function;
  private final @Nullable String qualifier;
  private final ExecutorService threads;

  public LambdaInvoker(LambdaClient lambda, String function, @Nullable String qualifier) {
    this.lambda = lambda;
    this.function = function;
    this.qualifier = qualifier;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "excamera-lambda-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A Lambda client for {@code region} (null: the SDK's default region chain) and an optional
   * endpoint override (tests, other partitions), with the slim URL-connection HTTP client.
   */
  public static LambdaClient client(@Nullable String region, @Nullable URI endpoint) {
    LambdaClientBuilder builder =
        LambdaClient.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .socketTimeout(CALL_TIMEOUT)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .build())
            .overrideConfiguration(
                c -> c.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(CALL_TIMEOUT));
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  @Override
  public String describe() {
    return "AWS Lambda " + function + (qualifier == null ? "" : ":" + qualifier);
  }

  @Override
  public WorkerResponse invoke(WorkerRequest request, Duration budget, Runnable heartbeat)
      throws InterruptedException {
    InvokeRequest.Builder call =
        InvokeRequest.builder()
            .functionName(function)
            .invocationType(InvocationType.REQUEST_RESPONSE)
            .payload(SdkBytes.fromByteArray(WorkerJson.toBytes(request)));
    if (qualifier != null) {
      call.qualifier(qualifier);
    }
    InvokeRequest built = call.build();
    Future<WorkerResponse> running = threads.submit(() -> call(built, request));
    try {
      return Waiting.await(running, heartbeat);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failed(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), true);
    }
  }

  private WorkerResponse call(InvokeRequest call, WorkerRequest request) {
    InvokeResponse response;
    try {
      response = lambda.invoke(call);
    } catch (LambdaException e) {
      int status = e.statusCode();
      boolean retryable = status == 429 || status >= 500 || status == 0;
      log.warn(
          "{}: Lambda rejected the call (HTTP {}): {}", request.label(), status, e.getMessage());
      return failed(
          e.getClass().getSimpleName(), "HTTP " + status + ": " + e.getMessage(), retryable);
    } catch (SdkClientException e) {
      return failed("SdkClientException", String.valueOf(e.getMessage()), true);
    } catch (SdkException e) {
      return failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), true);
    }
    String body = response.payload() == null ? "" : response.payload().asUtf8String();
    if (response.functionError() != null) {
      log.warn("{}: function error {}: {}", request.label(), response.functionError(), body);
      return failed(
          "LambdaFunctionError", response.functionError() + ": " + abbreviate(body), true);
    }
    try {
      return WorkerJson.readResponse(body.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidRequestException e) {
      return failed("MalformedWorkerResponse", e.getMessage() + ": " + abbreviate(body), true);
    }
  }

  private static WorkerResponse failed(String type, String message, boolean retryable) {
    return WorkerResponse.failed(new WorkerError(type, message, retryable));
  }

  private static String abbreviate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000) + "...";
  }

  @Override
  public void close() {
    threads.shutdownNow();
    lambda.close();
  }
}
