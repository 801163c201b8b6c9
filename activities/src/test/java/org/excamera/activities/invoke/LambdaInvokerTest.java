package org.excamera.activities.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.Operation;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerJson;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.excamera.worker.lambda.WorkerHandler;
import org.excamera.worker.testing.FakeIvf;
import org.excamera.worker.testing.LambdaTestContext;
import org.excamera.worker.testing.ScriptedEncoder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@link LambdaInvoker} against a stand-in for the Lambda Invoke API on loopback: the real SDK
 * client, the real wire format, and each kind of failure the service can answer with.
 */
class LambdaInvokerTest {
  /** What the stand-in answers. */
  interface Answer {
    void respond(HttpExchange exchange, byte[] body) throws IOException;
  }

  @TempDir Path dir;
  private @Nullable HttpServer server;
  private volatile @Nullable Answer answer;
  private volatile @Nullable String lastQuery;
  private @Nullable LambdaInvoker invoker;

  @BeforeEach
  void start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext(
        "/2015-03-31/functions/excamera-worker/invocations",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          lastQuery = exchange.getRequestURI().getQuery();
          Objects.requireNonNull(answer).respond(exchange, body);
          exchange.close();
        });
    s.start();
    server = s;
    LambdaClient client =
        LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
            .endpointOverride(URI.create("http://127.0.0.1:" + s.getAddress().getPort()))
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    invoker = new LambdaInvoker(client, "excamera-worker", "live");
  }

  @AfterEach
  void stop() {
    if (invoker != null) {
      invoker.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private WorkerRequest request() {
    return new WorkerRequest(
        WorkerRequest.VERSION,
        Operation.ENCODE_CHUNK,
        "job",
        0,
        0,
        0,
        3,
        BlobRef.of(dir.resolve("raw.y4m")),
        null,
        BlobRef.of(dir.resolve("out.ivf")),
        32,
        EncoderKind.VPXENC,
        false,
        null,
        0);
  }

  private WorkerResponse invoke() throws InterruptedException {
    return Objects.requireNonNull(invoker).invoke(request(), Duration.ofMinutes(1), () -> {});
  }

  private static void reply(HttpExchange ex, int status, String body, String... headers)
      throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private static WorkerError error(WorkerResponse r) {
    assertFalse(r.succeeded());
    return Objects.requireNonNull(r.error());
  }

  @Test
  void runsTheHandlerBehindTheInvokeApi() throws Exception {
    Files.write(dir.resolve("raw.y4m"), new byte[] {0});
    WorkerHandler handler =
        new WorkerHandler(
            ChunkWorker.builder()
                .encoder(EncoderKind.VPXENC, new ScriptedEncoder(FakeIvf.chunk(3, true, 0)))
                .scratchRoot(dir.resolve("s"))
                .build());
    answer =
        (ex, body) -> {
          assertEquals(request(), WorkerJson.readRequest(body));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          handler.handleRequest(new ByteArrayInputStream(body), out, new LambdaTestContext(60_000));
          reply(ex, 200, out.toString(StandardCharsets.UTF_8));
        };
    WorkerResponse r = invoke();
    assertTrue(r.succeeded(), String.valueOf(r.error()));
    assertEquals(3, Objects.requireNonNull(r.output()).frames());
    assertEquals("Qualifier=live", lastQuery);
  }

  @Test
  void anUnhandledFunctionErrorIsRetryable() throws Exception {
    answer =
        (ex, body) ->
            reply(
                ex,
                200,
                "{\"errorMessage\":\"Task timed out after 900.00 seconds\"}",
                "X-Amz-Function-Error",
                "Unhandled");
    WorkerError e = error(invoke());
    assertEquals("LambdaFunctionError", e.type());
    assertTrue(e.retryable());
    assertTrue(e.message().contains("timed out"), e.message());
  }

  @Test
  void theWorkersTypedErrorIsKept() throws Exception {
    answer =
        (ex, body) ->
            reply(
                ex,
                200,
                new String(
                    WorkerJson.toBytes(
                        WorkerResponse.failed(
                            new WorkerError("CorruptFrameException", "frame 3", false))),
                    StandardCharsets.UTF_8));
    WorkerError e = error(invoke());
    assertEquals("CorruptFrameException", e.type());
    assertFalse(e.retryable());
  }

  @Test
  void throttlingIsRetryableAndAMissingFunctionIsNot() throws Exception {
    answer =
        (ex, body) ->
            reply(
                ex,
                429,
                "{\"message\":\"Rate exceeded\",\"Type\":\"User\"}",
                "x-amzn-ErrorType",
                "TooManyRequestsException");
    WorkerError throttled = error(invoke());
    assertTrue(throttled.retryable(), throttled.toString());
    assertTrue(throttled.message().contains("429"), throttled.message());

    answer =
        (ex, body) ->
            reply(
                ex,
                404,
                "{\"message\":\"Function not found\",\"Type\":\"User\"}",
                "x-amzn-ErrorType",
                "ResourceNotFoundException");
    WorkerError missing = error(invoke());
    assertFalse(missing.retryable(), missing.toString());
    assertEquals("ResourceNotFoundException", missing.type());
  }

  @Test
  void aMalformedResponseIsRetryable() throws Exception {
    answer = (ex, body) -> reply(ex, 200, "{\"surprise\":true}");
    WorkerError e = error(invoke());
    assertEquals("MalformedWorkerResponse", e.type());
    assertTrue(e.retryable());
  }
}
