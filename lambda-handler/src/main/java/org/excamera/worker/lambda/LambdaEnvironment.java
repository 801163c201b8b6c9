package org.excamera.worker.lambda;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.excamera.rendezvous.tls.TlsContexts;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.InvalidRequestException;
import org.excamera.worker.StateKey;
import org.excamera.worker.port.StateExchange;
import org.excamera.worker.storage.RendezvousExchanges;
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
        .exchanges(new RendezvousExchanges(NO_LOCAL_EXCHANGE, tls()))
        .scratchRoot(Path.of("/tmp", "excamera"))
        .build();
  }

  /**
   * TLS for the rendezvous: the CAs in {@code EXCAMERA_RENDEZVOUS_CA} (a PEM file, e.g. in a
   * layer), else the JDK's default trust store.
   */
  private @Nullable SSLContext tls() {
    String ca = env.get("EXCAMERA_RENDEZVOUS_CA");
    try {
      if (ca != null && !ca.isBlank()) {
        return TlsContexts.clientFromFiles(Path.of(ca), null, null);
      }
      return SSLContext.getDefault();
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot set up TLS for the rendezvous: " + e, e);
    }
  }

  /**
   * A Lambda invocation has no neighbours in its JVM: states must go through a rendezvous named in
   * the request.
   */
  private static final StateExchange NO_LOCAL_EXCHANGE =
      new StateExchange() {
        @Override
        public void publish(String jobId, StateKey key, byte[] state) {
          throw missing();
        }

        @Override
        public byte[] fetch(String jobId, StateKey key, Duration timeout) {
          throw missing();
        }

        @Override
        public void deleteJob(String jobId) {
          throw missing();
        }
      };

  private static InvalidRequestException missing() {
    return new InvalidRequestException(
        "the Lambda worker exchanges states only through a rendezvous; the request names none");
  }
}
