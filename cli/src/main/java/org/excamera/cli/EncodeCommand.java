package org.excamera.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.excamera.worker.BlobRef;
import org.excamera.worker.EncoderKind;
import org.excamera.workflows.EncodeJobInput;
import org.excamera.workflows.EncodeJobResult;
import org.excamera.workflows.EncodeJobWorkflow;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code excamera encode IN.y4m -o OUT.ivf}: one ExCamera[N,x] encode, embedded by default. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Encode a Y4M video to VP8 (IVF) with ExCamera[N,x] on Temporal.",
      "Embedded by default: an in-JVM Temporal service, in-process workers, files in a work"
          + " directory. Prints progress and a summary."
    })
final class EncodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN.y4m", description = "Source video (path or s3:// URI).")
  String input = "";

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.ivf",
      description = "Output file (path or s3:// URI): IVF, or WebM when it ends in .webm.")
  String output = "";

  @Mixin JobOptions job = new JobOptions();

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "Use this Temporal service instead of the embedded one.")
  @Nullable String temporal;

  @Option(
      names = "--no-local-worker",
      description =
          "With --temporal: host no workflows or activities here; `excamera worker` processes do.")
  boolean noLocalWorker;

  @Mixin HostOptions host = new HostOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return run(
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        input,
        output,
        job,
        host,
        temporal,
        noLocalWorker);
  }

  /** The encode, shared with {@code demo}. Returns the exit code. */
  static int run(
      PrintWriter out,
      PrintWriter err,
      String input,
      String output,
      JobOptions job,
      HostOptions host,
      @Nullable String temporal,
      boolean noLocalWorker) {
    long start = System.nanoTime();
    String source;
    String target;
    try {
      source = toUri(input, true);
      target = toUri(output, false);
    } catch (IOException | IllegalArgumentException e) {
      err.println("excamera: " + e.getMessage());
      return 2;
    }
    if (noLocalWorker && temporal == null) {
      err.println("excamera: --no-local-worker needs --temporal HOST:PORT");
      return 2;
    }
    if (job.batchChunks > 1 && host.rendezvous == null) {
      host.rendezvous = "embedded"; // states between chunks through the real rendezvous
    }
    try (PipelineHost pipeline = noLocalWorker ? null : PipelineHost.create(host);
        TemporalService service =
            temporal == null
                ? TemporalService.embedded()
                : TemporalService.connect(temporal, job.namespace)) {
      if (pipeline != null) {
        String unsupported = job.unsupportedBy(pipeline);
        if (unsupported != null) {
          err.println("excamera: " + unsupported);
          return 1;
        }
        pipeline.register(service.newWorker(job.taskQueue, pipeline.workerOptions()));
      }
      service.start();
      String where =
          "Temporal "
              + service.description()
              + ", "
              + (pipeline == null ? "external workers" : pipeline.describe());
      err.println(
          "excamera: ExCamera[%d,%d] of %s on %s"
              .formatted(job.chunkFrames, job.batchChunks, input, where));
      EncodeJobInput request =
          new EncodeJobInput(
              source,
              target,
              job.chunkFrames,
              job.batchChunks,
              job.cqLevel,
              job.encoder.name().toLowerCase(Locale.ROOT),
              job.chainLookahead,
              null,
              job.keepIntermediates,
              null);
      boolean interactive = interactiveTerminal();
      EncodeJobResult result =
          EncodeRunner.run(
              service.client(),
              job.taskQueue,
              request,
              new ProgressView(System.err, interactive, job.batchChunks));
      OptionalDouble ssim = OptionalDouble.empty();
      if (!job.noSsim && source.startsWith("file:") && target.startsWith("file:")) {
        ssim = SsimMeter.meanSsim(BlobRef.parse(target).toPath(), BlobRef.parse(source).toPath());
      }
      Summary.print(out, result, input, ssim, (System.nanoTime() - start) / 1_000_000, where);
      return 0;
    } catch (EncodeRunner.EncodeFailedException e) {
      err.println(
          "excamera: "
              + (e.cancelled() ? "encode cancelled: " : "encode failed: ")
              + e.getMessage());
      return e.cancelled() ? 130 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("excamera: interrupted");
      return 130;
    } catch (IOException | IllegalArgumentException e) {
      err.println("excamera: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Whether stderr is a terminal worth redrawing a bar on. On the Java 17 we target, {@code
   * System.console()} is null unless stdin and stdout are terminals; later JDKs changed that.
   */
  @SuppressWarnings("SystemConsoleNull")
  private static boolean interactiveTerminal() {
    return System.console() != null && System.getenv("TERM") != null;
  }

  private static String toUri(String arg, boolean mustExist) throws IOException {
    if (arg.startsWith("s3://") || arg.startsWith("file:")) {
      return BlobRef.parse(arg).uri();
    }
    Path p = Path.of(arg).toAbsolutePath();
    if (mustExist && !Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no such file: " + arg);
    }
    if (!mustExist) {
      Path dir = p.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    }
    return BlobRef.of(p).uri();
  }

  /** The job's settings, shared by {@code encode} and {@code demo}. */
  static final class JobOptions {
    @Option(
        names = "--chunk-frames",
        paramLabel = "N",
        description = "Frames per chunk (default: ${DEFAULT-VALUE}).")
    int chunkFrames = EncodeJobInput.DEFAULT_CHUNK_FRAMES;

    @Option(
        names = "--batch-chunks",
        paramLabel = "X",
        description =
            "Chunks per batch, i.e. per key frame (default: ${DEFAULT-VALUE}; 1 = naive [N,1]).")
    int batchChunks = EncodeJobInput.DEFAULT_BATCH_CHUNKS;

    @Option(
        names = "--cq-level",
        paramLabel = "Q",
        description = "vpxenc --cq-level, 0..63 (default: ${DEFAULT-VALUE}).")
    int cqLevel = EncodeJobInput.DEFAULT_CQ_LEVEL;

    @Option(
        names = "--encoder",
        paramLabel = "vpxenc|java",
        description = "Stage-1 chunk encoder (default: ${DEFAULT-VALUE}).")
    EncoderKind encoder = EncoderKind.VPXENC;

    @Option(
        names = "--chain-lookahead",
        paramLabel = "L",
        description = "Serial-chain links in flight per batch (default: ${DEFAULT-VALUE}).")
    int chainLookahead = EncodeJobInput.DEFAULT_CHAIN_LOOKAHEAD;

    @Option(names = "--keep-intermediates", description = "Keep chunk objects after the job.")
    boolean keepIntermediates;

    @Option(names = "--no-ssim", description = "Skip the SSIM measurement (ffmpeg).")
    boolean noSsim;

    @Option(
        names = "--namespace",
        paramLabel = "NS",
        description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
    String namespace = "default";

    @Option(
        names = "--task-queue",
        paramLabel = "QUEUE",
        description = "Temporal task queue (default: ${DEFAULT-VALUE}).")
    String taskQueue = EncodeJobWorkflow.TASK_QUEUE;

    /** Why this host cannot run the job, or null when it can. */
    @Nullable String unsupportedBy(PipelineHost host) {
      if (batchChunks > 1 && !host.localWorker().canStitch()) {
        return ("ExCamera[%d,%d] needs encode-given-state and rebase (the Java VP8 encoder of issue"
                + " 4), which this build does not have yet. Run the naive encode with"
                + " --batch-chunks 1.")
            .formatted(chunkFrames, batchChunks);
      }
      if (!host.localWorker().hasEncoder(encoder)) {
        return encoder == EncoderKind.JAVA
            ? "this host has no Java chunk encoder configured; use --encoder vpxenc"
            : "vpxenc was not found: install vpx-tools (scripts/setup) or set EXCAMERA_VPXENC";
      }
      return null;
    }
  }
}
