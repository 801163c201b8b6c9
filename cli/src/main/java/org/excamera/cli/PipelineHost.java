package org.excamera.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.excamera.activities.impl.ChunkActivitiesImpl;
import org.excamera.activities.impl.JobActivitiesImpl;
import org.excamera.activities.impl.RendezvousIssuer;
import org.excamera.activities.impl.WorkerCapabilities;
import org.excamera.activities.invoke.InProcessInvoker;
import org.excamera.activities.invoke.LambdaInvoker;
import org.excamera.activities.invoke.WorkerInvoker;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;
import org.excamera.rendezvous.tls.TlsContexts;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.port.BlobStore;
import org.excamera.worker.storage.FileBlobStore;
import org.excamera.worker.storage.InMemoryStateExchange;
import org.excamera.worker.storage.RendezvousExchanges;
import org.excamera.worker.storage.RoutingBlobStore;
import org.excamera.worker.storage.S3BlobStore;
import org.excamera.workflows.EncodeBatchWorkflowImpl;
import org.excamera.workflows.EncodeJobWorkflowImpl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a Temporal worker process hosts: the workflows, the job activities (split, assemble,
 * cleanup) and the chunk activities with their invoker (in-process pool or AWS Lambda), over file
 * and S3 storage and an in-memory state exchange.
 */
final class PipelineHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PipelineHost.class);

  private final Path scratch;
  private final BlobRef workDirectory;
  private final WorkerInvoker invoker;
  private final ChunkWorker localWorker;
  private final JobActivitiesImpl jobActivities;
  private final ChunkActivitiesImpl chunkActivities;
  private final int workers;
  private final RendezvousExchanges exchanges;
  private final @Nullable RendezvousServer rendezvous;

  private PipelineHost(
      Path scratch,
      BlobRef workDirectory,
      WorkerInvoker invoker,
      ChunkWorker localWorker,
      JobActivitiesImpl jobActivities,
      ChunkActivitiesImpl chunkActivities,
      int workers,
      RendezvousExchanges exchanges,
      @Nullable RendezvousServer rendezvous) {
    this.scratch = scratch;
    this.workDirectory = workDirectory;
    this.invoker = invoker;
    this.localWorker = localWorker;
    this.jobActivities = jobActivities;
    this.chunkActivities = chunkActivities;
    this.workers = workers;
    this.exchanges = exchanges;
    this.rendezvous = rendezvous;
  }

  static PipelineHost create(HostOptions options) throws IOException {
    return create(options, UnaryOperator.identity());
  }

  /** As {@link #create(HostOptions)}, with a last say over the chunk worker (tests: faults). */
  static PipelineHost create(HostOptions options, UnaryOperator<ChunkWorker.Builder> customize)
      throws IOException {
    Path scratch = Files.createTempDirectory("excamera-");
    @Nullable String endpoint = options.s3Endpoint;
    @Nullable String region = options.region;
    BlobStore s3 =
        new LazyBlobStore(
            () ->
                new S3BlobStore(
                    S3BlobStore.client(region, endpoint == null ? null : URI.create(endpoint))));
    BlobStore blobs = new RoutingBlobStore(new FileBlobStore(), s3);
    BlobRef work = workDirectory(options.work, scratch);
    InMemoryStateExchange states = new InMemoryStateExchange();
    @Nullable RendezvousServer server = null;
    @Nullable RendezvousIssuer issuer = null;
    String rendezvous = options.rendezvous;
    if ("embedded".equals(rendezvous)) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      JobTokens tokens = JobTokens.withSecret(secret);
      server =
          RendezvousServer.start(
              ServerSettings.builder(scratch.resolve("rendezvous"), tokens)
                  .port(0)
                  .insecureLoopback()
                  .build(),
              new SimpleMeterRegistry());
      issuer = new RendezvousIssuer("127.0.0.1:" + server.port(), tokens, true);
    } else if (rendezvous != null) {
      Path secretFile = options.rendezvousSecretFile;
      if (secretFile == null) {
        throw new IllegalArgumentException(
            "--rendezvous HOST:PORT needs --rendezvous-secret-file to issue job tokens");
      }
      issuer =
          new RendezvousIssuer(
              rendezvous, JobTokens.fromSecretFile(secretFile), options.rendezvousInsecureLoopback);
    }
    Path ca = options.rendezvousCa;
    RendezvousExchanges exchanges =
        new RendezvousExchanges(
            states, ca == null ? null : TlsContexts.clientFromFiles(ca, null, null));
    ChunkWorker.Builder builder =
        ChunkWorker.builder()
            .blobs(blobs)
            .exchanges(exchanges)
            .scratchRoot(scratch.resolve("chunks"));
    builder = customize.apply(builder);
    WorkerInvoker invoker;
    ChunkWorker local;
    String function = options.lambdaFunction;
    if (function != null) {
      if (!"s3".equals(work.scheme())) {
        throw new IllegalArgumentException(
            "--lambda-function needs --work s3://BUCKET/PREFIX: Lambda workers read chunks from S3");
      }
      invoker =
          new LambdaInvoker(LambdaInvoker.client(region, null), function, options.lambdaQualifier);
      local = builder.build();
    } else {
      InProcessInvoker inProcess = InProcessInvoker.create(builder, options.workers);
      invoker = inProcess;
      local = inProcess.worker();
    }
    Set<EncoderKind> encoders = EnumSet.noneOf(EncoderKind.class);
    for (EncoderKind kind : EncoderKind.values()) {
      if (local.hasEncoder(kind)) {
        encoders.add(kind);
      }
    }
    JobActivitiesImpl jobs =
        new JobActivitiesImpl(
            blobs,
            work,
            new WorkerCapabilities(local.canStitch(), encoders),
            exchanges,
            issuer,
            scratch.resolve("jobs"));
    return new PipelineHost(
        scratch,
        work,
        invoker,
        local,
        jobs,
        new ChunkActivitiesImpl(invoker),
        options.workers,
        exchanges,
        server);
  }

  private static BlobRef workDirectory(@Nullable String work, Path scratch) throws IOException {
    if (work == null) {
      return BlobRef.of(scratch.resolve("work"));
    }
    if (work.startsWith("s3://")) {
      return BlobRef.parse(work);
    }
    Path dir = Path.of(work).toAbsolutePath();
    Files.createDirectories(dir);
    return BlobRef.of(dir);
  }

  /** Registers the workflows and activities on a Temporal worker. */
  void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        EncodeJobWorkflowImpl.class, EncodeBatchWorkflowImpl.class);
    worker.registerActivitiesImplementations(jobActivities, chunkActivities);
  }

  /**
   * Temporal worker options: many activity slots, because the invoker (not Temporal) bounds how
   * many stages compute at once, and a chain link waiting for a state must not block others.
   */
  WorkerOptions workerOptions() {
    return WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(Math.max(64, 16 * workers))
        .setMaxConcurrentWorkflowTaskExecutionSize(16)
        .build();
  }

  ChunkWorker localWorker() {
    return localWorker;
  }

  BlobRef workDirectory() {
    return workDirectory;
  }

  String describe() {
    RendezvousServer server = rendezvous;
    return invoker.describe()
        + (server == null ? "" : ", embedded rendezvous on 127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    exchanges.close();
    RendezvousServer server = rendezvous;
    if (server != null) {
      server.close();
    }
    if (invoker instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.debug("closing the invoker: {}", e.toString());
      }
    }
    try (Stream<Path> walk = Files.walk(scratch)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not delete {}: {}", scratch, e.toString());
    }
  }
}
