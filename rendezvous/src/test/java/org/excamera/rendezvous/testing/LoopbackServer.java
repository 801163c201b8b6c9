package org.excamera.rendezvous.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;

/**
 * A real rendezvous server on an ephemeral loopback port (plaintext), with clients for it. Close it
 * at the end of the test.
 */
public final class LoopbackServer implements AutoCloseable {
  /** The secret every test server uses. */
  public static final byte[] SECRET =
      "rendezvous-test-secret-0123456789".getBytes(StandardCharsets.US_ASCII);

  public static final JobTokens TOKENS = JobTokens.withSecret(SECRET);

  private final RendezvousServer server;
  private final SimpleMeterRegistry registry;

  private LoopbackServer(RendezvousServer server, SimpleMeterRegistry registry) {
    this.server = server;
    this.registry = registry;
  }

  /** Starts a server on {@code dataDir} with test-friendly settings, adjusted by {@code tune}. */
  public static LoopbackServer start(Path dataDir, UnaryOperator<ServerSettings.Builder> tune)
      throws IOException {
    ServerSettings.Builder b =
        ServerSettings.builder(dataDir, TOKENS)
            .insecureLoopback()
            .ioTimeout(Duration.ofSeconds(20))
            .bufferWait(Duration.ofSeconds(20));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    return new LoopbackServer(RendezvousServer.start(tune.apply(b).build(), registry), registry);
  }

  public static LoopbackServer start(Path dataDir) throws IOException {
    return start(dataDir, b -> b);
  }

  public RendezvousServer server() {
    return server;
  }

  public SimpleMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.port();
  }

  public String address() {
    return "127.0.0.1:" + server.port();
  }

  /** A client builder for {@code job} with its valid token and short heartbeats. */
  public RendezvousClient.Builder clientBuilder(String job) {
    return clientBuilder(address(), job);
  }

  /** A client builder for a loopback server at {@code address}. */
  public static RendezvousClient.Builder clientBuilder(String address, String job) {
    return RendezvousClient.builder(address)
        .insecureLoopback()
        .token(TOKENS.issue(job))
        .heartbeat(Duration.ofMillis(500))
        .retryBudget(Duration.ofSeconds(20))
        .compression(Compression.NONE);
  }

  public RendezvousClient client(String job) {
    return clientBuilder(job).build();
  }

  /** The count of a counter, 0 if it was never registered. */
  public double count(String name, String tagKey, String tagValue) {
    var c = registry.find(name).tag(tagKey, tagValue).counter();
    return c == null ? 0 : c.count();
  }

  @Override
  public void close() {
    server.close();
  }
}
