package org.excamera.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.FetchTimeoutException;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.RendezvousException;
import org.excamera.rendezvous.Sha256;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.TokenRejectedException;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.relay.StateStore;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;
import org.excamera.rendezvous.tls.TlsContexts;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code excamera rendezvous serve|token|put|get|delete}: runs the state relay and talks to it.
 * Exit codes: 0 done, 1 error, 2 usage, 3 fetch timed out, 4 token rejected.
 */
@Command(
    name = "rendezvous",
    mixinStandardHelpOptions = true,
    description = "The state relay between neighbouring workers: run it, issue tokens, put, get.",
    subcommands = {
      RendezvousCommand.Serve.class,
      RendezvousCommand.Token.class,
      RendezvousCommand.Put.class,
      RendezvousCommand.Get.class,
      RendezvousCommand.Delete.class
    })
public final class RendezvousCommand implements Runnable {
  static final int ERROR = 1;
  static final int TIMEOUT = 3;
  static final int REJECTED = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints {@code excamera rendezvous <what>: <message>} and returns the exit code for it. */
  static int fail(CommandLine.Model.CommandSpec spec, Exception e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("excamera rendezvous " + spec.name() + ": " + e.getMessage());
    err.flush();
    if (e instanceof FetchTimeoutException) {
      return TIMEOUT;
    }
    if (e instanceof TokenRejectedException) {
      return REJECTED;
    }
    return ERROR;
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the server.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, description = "TCP port (0: any free port).")
    int port;

    @Option(names = "--data-dir", required = true, description = "Where states are stored.")
    Path dataDir;

    @Option(
        names = "--secret-file",
        required = true,
        description = "Secret for job tokens (at least 16 bytes).")
    Path secretFile;

    @Option(names = "--tls-cert", description = "PEM certificate chain of the server.")
    @Nullable Path tlsCert;

    @Option(names = "--tls-key", description = "PEM (PKCS#8) private key of the server.")
    @Nullable Path tlsKey;

    @Option(
        names = "--tls-client-ca",
        description = "PEM certificates trusted for client certificates: enables mutual TLS.")
    @Nullable Path tlsClientCa;

    @Option(
        names = "--insecure-loopback",
        description = "Serve plaintext, bound to the loopback address only.")
    boolean insecureLoopback;

    @Option(names = "--bind", description = "Address to bind (default: all with TLS).")
    @Nullable String bind;

    @Option(names = "--memory-budget-mb", defaultValue = "64", description = "Payload buffers.")
    long memoryBudgetMb;

    @Option(names = "--max-payload-mb", defaultValue = "256", description = "Largest state.")
    long maxPayloadMb;

    @Option(names = "--job-ttl-hours", defaultValue = "24", description = "Idle jobs expire.")
    long jobTtlHours;

    @Option(
        names = "--spare-mb",
        defaultValue = "" + (StateStore.DEFAULT_SPARE_BYTES >> 20),
        description = "Deleted jobs' files kept for reuse by new publishes (0: none).")
    long spareMb;

    @Option(
        names = "--metrics-interval-seconds",
        defaultValue = "60",
        description = "How often metrics are logged.")
    long metricsSeconds;

    @Override
    public Integer call() {
      if ((tlsCert == null) == !insecureLoopback || (tlsCert == null) != (tlsKey == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give --tls-cert and --tls-key, or --insecure-loopback");
      }
      try {
        ServerSettings.Builder b =
            ServerSettings.builder(dataDir, JobTokens.fromSecretFile(secretFile))
                .port(port)
                .memoryBudgetBytes(memoryBudgetMb << 20)
                .maxPayloadBytes(maxPayloadMb << 20)
                .jobTtl(Duration.ofHours(jobTtlHours))
                .spareBytes(spareMb << 20);
        Path cert = tlsCert;
        Path key = tlsKey;
        if (cert != null && key != null) {
          b.tls(TlsContexts.server(cert, key, tlsClientCa))
              .requireClientCertificates(tlsClientCa != null);
        } else {
          b.insecureLoopback();
        }
        if (bind != null) {
          b.bindAddress(InetAddress.getByName(bind));
        }
        MeterRegistry registry = loggingRegistry(Duration.ofSeconds(metricsSeconds));
        RendezvousServer server = RendezvousServer.start(b.build(), registry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.close();
                      registry.close();
                      stopped.countDown();
                    },
                    "rendezvous-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("rendezvous listening on " + server.address());
        out.flush();
        stopped.await();
        return 0;
      } catch (IOException | RuntimeException e) {
        return fail(spec, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ERROR;
      }
    }

    private static MeterRegistry loggingRegistry(Duration step) {
      LoggingRegistryConfig config =
          new LoggingRegistryConfig() {
            @Override
            public @Nullable String get(String key) {
              return null;
            }

            @Override
            public Duration step() {
              return step;
            }
          };
      return new LoggingMeterRegistry(config, io.micrometer.core.instrument.Clock.SYSTEM);
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true, description = "Prints a job token.")
  static final class Token implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--job", required = true, description = "The job id.")
    String job;

    @Option(names = "--secret-file", required = true, description = "The server's secret.")
    Path secretFile;

    @Override
    public Integer call() {
      try {
        PrintWriter out = spec.commandLine().getOut();
        out.println(JobTokens.fromSecretFile(secretFile).issue(job));
        out.flush();
        return 0;
      } catch (IOException | RuntimeException e) {
        return fail(spec, e);
      }
    }
  }

  /** What put, get and delete need to reach the server. */
  static final class Connection {
    @Option(names = "--address", required = true, description = "Server as host:port.")
    String address;

    @Option(names = "--job", required = true, description = "The job id.")
    String job;

    @Option(names = "--token", required = true, description = "The job's token.")
    String token;

    @Option(names = "--insecure-loopback", description = "Plaintext to a loopback address.")
    boolean insecureLoopback;

    @Option(names = "--tls-ca", description = "PEM certificates to trust (default: the JDK's CAs).")
    @Nullable Path tlsCa;

    @Option(names = "--tls-cert", description = "PEM client certificate (mutual TLS).")
    @Nullable Path tlsCert;

    @Option(names = "--tls-key", description = "PEM (PKCS#8) client key (mutual TLS).")
    @Nullable Path tlsKey;

    RendezvousClient.Builder builder() throws IOException {
      RendezvousClient.Builder b = RendezvousClient.builder(address).token(token);
      if (insecureLoopback) {
        return b.insecureLoopback();
      }
      SSLContext ctx = TlsContexts.clientFromFiles(tlsCa, tlsCert, tlsKey);
      return b.tls(ctx);
    }
  }

  @Command(name = "put", mixinStandardHelpOptions = true, description = "Publishes a state.")
  static final class Put implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Connection connection;

    @Option(names = "--key", required = true, description = "batch/chunk/kind, e.g. 0/3/final.")
    String key;

    @Option(
        names = "--compression",
        defaultValue = "AUTO",
        description = "NONE, DEFLATE or AUTO (deflate unless on loopback).")
    Compression compression;

    @Parameters(index = "0", description = "File holding the state.")
    Path file;

    @Override
    public Integer call() {
      try (RendezvousClient c = connection.builder().compression(compression).build()) {
        byte[] state = Files.readAllBytes(file);
        PublishOutcome outcome = c.publish(connection.job, StateKey.parse(key), state);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %s %d bytes %s%n", outcome, key, state.length, Sha256.digest(state).hex());
        out.flush();
        return 0;
      } catch (IOException | RendezvousException | IllegalArgumentException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Fetches a state.")
  static final class Get implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Connection connection;

    @Option(names = "--key", required = true, description = "batch/chunk/kind, e.g. 0/3/final.")
    String key;

    @Option(
        names = "--timeout",
        defaultValue = "0",
        description = "Seconds to wait for the state to be published (default 0).")
    long timeoutSeconds;

    @Option(names = "-o", required = true, description = "Where to write the state.")
    Path output;

    @Override
    public Integer call() {
      try (RendezvousClient c = connection.builder().build()) {
        byte[] state =
            c.fetch(connection.job, StateKey.parse(key), Duration.ofSeconds(timeoutSeconds));
        Path parent = output.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".rendezvous-get-", ".part");
        try {
          Files.write(tmp, state);
          Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %d bytes %s%n", key, state.length, Sha256.digest(state).hex());
        out.flush();
        return 0;
      } catch (IOException | RendezvousException | IllegalArgumentException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a job.")
  static final class Delete implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Connection connection;

    @Override
    public Integer call() {
      try (RendezvousClient c = connection.builder().build()) {
        boolean existed = c.deleteJob(connection.job);
        PrintWriter out = spec.commandLine().getOut();
        out.println(existed ? "deleted " + connection.job : "nothing stored for " + connection.job);
        out.flush();
        return 0;
      } catch (IOException | RendezvousException | IllegalArgumentException e) {
        return fail(spec, e);
      }
    }
  }
}
