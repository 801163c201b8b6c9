package org.excamera.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.excamera.worker.port.BlobStore;
import org.excamera.worker.port.ChunkEncoder;
import org.excamera.worker.port.Clock;
import org.excamera.worker.port.StateExchange;
import org.excamera.worker.port.StateExchangeProvider;
import org.excamera.worker.port.StitchCodec;
import org.excamera.worker.stage.EncodeChunkStage;
import org.excamera.worker.stage.EncodeGivenStateStage;
import org.excamera.worker.stage.JavaChunkEncoder;
import org.excamera.worker.stage.RebaseStage;
import org.excamera.worker.stage.StageContext;
import org.excamera.worker.stage.StitchCodecs;
import org.excamera.worker.stage.VpxencEncoder;
import org.excamera.worker.storage.InMemoryStateExchange;
import org.excamera.worker.storage.RoutingBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage of one chunk (design §2) and answers with a {@link WorkerResponse}; never throws
 * for a failed stage. Not Temporal's worker: this is the code inside one Lambda invocation or one
 * in-process call. Thread-safe: each call gets its own scratch directory.
 *
 * <p>Failures are translated once, here: {@link WorkerException}s keep their type and retry flag;
 * the codec's typed exceptions (corrupt frame, unsupported feature, state mismatch) are not
 * retryable; I/O trouble and interruptions are retryable; anything else is a bug, logged and
 * reported as not retryable.
 */
public final class ChunkWorker {
  private static final Logger log = LoggerFactory.getLogger(ChunkWorker.class);

  private final BlobStore blobs;
  private final StateExchangeProvider exchanges;
  private final Map<EncoderKind, ChunkEncoder> encoders;
  private final StitchCodec codec;
  private final Clock clock;
  private final Path scratchRoot;

  private ChunkWorker(Builder b) {
    this.blobs = b.blobs;
    this.exchanges = b.exchanges;
    this.encoders = Map.copyOf(b.encoders);
    this.codec = b.codec;
    this.clock = b.clock;
    this.scratchRoot = b.scratchRoot;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A worker for one machine: local files, vpxenc from the PATH (if installed), the best stitch
   * codec of this build, and an in-memory state exchange shared by every call of this JVM.
   */
  public static ChunkWorker local() {
    return builder().build();
  }

  /** Whether this worker can run ExCamera[N,x] with x > 1 (stitching). */
  public boolean canStitch() {
    return codec.canStitch();
  }

  /** Which stage-1 encoders this worker has. */
  public boolean hasEncoder(EncoderKind kind) {
    return encoders.containsKey(kind);
  }

  public WorkerResponse run(WorkerRequest request, Deadline deadline) {
    long start = clock.nanoTime();
    Path scratch = null;
    try {
      Files.createDirectories(scratchRoot);
      scratch = Files.createTempDirectory(scratchRoot, "chunk-" + request.chunk() + "-");
      StageContext ctx =
          new StageContext(
              blobs,
              exchanges.forEndpoint(request.rendezvous()),
              encoders,
              codec,
              clock,
              scratch,
              deadline);
      ChunkOutput out =
          switch (request.operation()) {
            case ENCODE_CHUNK -> EncodeChunkStage.run(request, ctx);
            case ENCODE_GIVEN_STATE -> EncodeGivenStateStage.run(request, ctx);
            case REBASE -> RebaseStage.run(request, ctx);
          };
      log.debug("{}: done in {} ms", request.label(), (clock.nanoTime() - start) / 1_000_000);
      return WorkerResponse.ok(out);
    } catch (WorkerException e) {
      log.warn("{}: {}: {}", request.label(), e.getClass().getSimpleName(), e.getMessage());
      return failure(e, e.retryable());
    } catch (IOException | UncheckedIOException e) {
      log.warn("{}: I/O failure: {}", request.label(), e.toString());
      return failure(e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(e, true);
    } catch (RuntimeException e) {
      boolean codecError = isCodecException(e);
      if (codecError) {
        log.warn("{}: {}: {}", request.label(), e.getClass().getSimpleName(), e.getMessage());
      } else {
        log.error("{}: unexpected failure", request.label(), e);
      }
      return failure(e, false);
    } finally {
      if (scratch != null) {
        deleteQuietly(scratch);
      }
    }
  }

  /** The codec's typed exceptions (design §6 of STYLE): deterministic, so never retryable. */
  private static boolean isCodecException(Throwable e) {
    for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals("org.excamera.codec.CodecException")
          || c.getName().equals("org.excamera.codec.io.ContainerFormatException")) {
        return true;
      }
    }
    return false;
  }

  private static WorkerResponse failure(Throwable e, boolean retryable) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return WorkerResponse.failed(new WorkerError(e.getClass().getSimpleName(), message, retryable));
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not delete scratch directory {}: {}", dir, e.toString());
    }
  }

  /** Assembles a worker from its ports; every port has a local default. */
  public static final class Builder {
    private BlobStore blobs = RoutingBlobStore.filesOnly();
    private StateExchangeProvider exchanges;
    private final Map<EncoderKind, ChunkEncoder> encoders = new EnumMap<>(EncoderKind.class);
    private StitchCodec codec = StitchCodecs.available();
    private Clock clock = Clock.SYSTEM;
    private Path scratchRoot = Path.of(System.getProperty("java.io.tmpdir"), "excamera-worker");

    private Builder() {
      InMemoryStateExchange shared = new InMemoryStateExchange();
      exchanges = endpoint -> shared;
      // vpxenc when installed; the Java chunk encoder always, and in vpxenc's place without it.
      JavaChunkEncoder java = new JavaChunkEncoder();
      encoders.put(EncoderKind.JAVA, java);
      encoders.put(
          EncoderKind.VPXENC, VpxencEncoder.locate().<ChunkEncoder>map(v -> v).orElse(java));
    }

    public Builder blobs(BlobStore blobs) {
      this.blobs = blobs;
      return this;
    }

    public Builder exchanges(StateExchangeProvider exchanges) {
      this.exchanges = exchanges;
      return this;
    }

    /** Wraps every exchange the worker gets (the in-process invoker's permit release). */
    public Builder wrapExchanges(UnaryOperator<StateExchange> wrapper) {
      StateExchangeProvider inner = exchanges;
      exchanges = endpoint -> wrapper.apply(inner.forEndpoint(endpoint));
      return this;
    }

    public Builder encoder(EncoderKind kind, ChunkEncoder encoder) {
      encoders.put(kind, encoder);
      return this;
    }

    public Builder withoutEncoder(EncoderKind kind) {
      encoders.remove(kind);
      return this;
    }

    public Builder codec(StitchCodec codec) {
      this.codec = codec;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder scratchRoot(Path scratchRoot) {
      this.scratchRoot = scratchRoot;
      return this;
    }

    public ChunkWorker build() {
      return new ChunkWorker(this);
    }
  }
}
