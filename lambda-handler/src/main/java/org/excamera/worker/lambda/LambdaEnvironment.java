package org.excamera.worker.lambda;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.InvalidRequestException;
import org.excamera.worker.StateKey;
import org.excamera.worker.UnsupportedStageException;
import org.excamera.worker.port.StateExchange;
import org.excamera.worker.storage.RoutingBlobStore;
import org.excamera.worker.storage.S3BlobStore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the Lambda worker from its environment, once per container. Variables: {@code AWS_REGION}
 * (set by Lambda), {@code EXCAMERA_S3_ENDPOINT} (an S3-compatible endpoint, path-style; for tests),
 * {@code EXCAMERA_VPXENC} (default: vpxenc on the PATH or {@code /opt/bin/vpxenc} from the layer).
 * Only {@code s3://} references are served: the function never reads its own files.
 */
public final class LambdaEnvironment {
  private final Map<String, String> env;

  private LambdaEnvironment(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static LambdaEnvironment fromSystem() {
    return new LambdaEnvironment(System.getenv());
  }

  public static LambdaEnvironment of(Map<String, String> env) {
    return new LambdaEnvironment(env);
  }

  /** An S3 client with the slim URL-connection HTTP client. */
  public S3Client s3() {
    String endpoint = env.get("EXCAMERA_S3_ENDPOINT");
    return S3BlobStore.client(
        env.get("AWS_REGION"),
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
  }

  public ChunkWorker worker() {
    return ChunkWorker.builder()
        .blobs(new RoutingBlobStore(null, new S3BlobStore(s3())))
        .exchanges(LambdaEnvironment::exchangeFor)
        .scratchRoot(Path.of("/tmp", "excamera"))
        .build();
  }

  /**
   * A Lambda invocation has no neighbours in its JVM: states must go through a rendezvous named in
   * the request.
   */
  private static StateExchange exchangeFor(
      org.excamera.worker.@Nullable RendezvousEndpoint endpoint) {
    return new StateExchange() {
      @Override
      public void publish(String jobId, StateKey key, byte[] state) {
        throw missing(endpoint);
      }

      @Override
      public byte[] fetch(String jobId, StateKey key, Duration timeout) {
        throw missing(endpoint);
      }

      @Override
      public void deleteJob(String jobId) {
        throw missing(endpoint);
      }
    };
  }

  private static RuntimeException missing(org.excamera.worker.@Nullable RendezvousEndpoint e) {
    if (e == null) {
      return new InvalidRequestException(
          "the Lambda worker exchanges states only through a rendezvous; the request names none");
    }
    return new UnsupportedStageException(
        "the rendezvous client is not part of this build yet (issue 5)");
  }
}
