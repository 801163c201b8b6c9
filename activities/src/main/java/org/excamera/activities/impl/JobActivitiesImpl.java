package org.excamera.activities.impl;

import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.excamera.activities.AssembleInput;
import org.excamera.activities.AssembleResult;
import org.excamera.activities.CleanupInput;
import org.excamera.activities.JobActivities;
import org.excamera.activities.SplitInput;
import org.excamera.activities.SplitResult;
import org.excamera.activities.VideoInfo;
import org.excamera.codec.io.ContainerFormatException;
import org.excamera.codec.io.WebmWriter;
import org.excamera.worker.BlobRef;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.RendezvousEndpoint;
import org.excamera.worker.WorkerException;
import org.excamera.worker.port.BlobStore;
import org.excamera.worker.port.StateExchangeProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Split, assemble and cleanup, run by the Temporal worker host (not the chunk workers): they read
 * and write whole videos, so they run where the blob store is near.
 */
public final class JobActivitiesImpl implements JobActivities {
  private static final Logger log = LoggerFactory.getLogger(JobActivitiesImpl.class);

  private final BlobStore blobs;
  private final BlobRef workDirectory;
  private final WorkerCapabilities capabilities;
  private final StateExchangeProvider exchanges;
  private final @Nullable RendezvousIssuer rendezvous;
  private final Path scratch;

  /**
   * @param blobs storage for sources, chunks and outputs
   * @param workDirectory where jobs keep their intermediate objects ({@code jobs/<id>/...})
   * @param capabilities what the chunk workers can do
   * @param exchanges the state exchanges whose job entries cleanup deletes
   * @param rendezvous issues each job its rendezvous endpoint and token; null: the workers' own
   *     exchange (one process)
   * @param scratch a local directory for temporary files
   */
  public JobActivitiesImpl(
      BlobStore blobs,
      BlobRef workDirectory,
      WorkerCapabilities capabilities,
      StateExchangeProvider exchanges,
      @Nullable RendezvousIssuer rendezvous,
      Path scratch) {
    this.blobs = blobs;
    this.workDirectory = workDirectory;
    this.capabilities = capabilities;
    this.exchanges = exchanges;
    this.rendezvous = rendezvous;
    this.scratch = scratch;
  }

  private @Nullable RendezvousEndpoint endpoint(String jobId) {
    RendezvousIssuer issuer = rendezvous;
    return issuer == null ? null : issuer.endpoint(jobId);
  }

  @Override
  public SplitResult splitSource(SplitInput input) {
    String where = "split of " + input.source();
    EncoderKind encoder = ChunkActivitiesImpl.encoderKind(input.encoder());
    if (input.batchChunks() > 1 && !capabilities.canStitch()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "ExCamera[%d,%d] needs encode-given-state and rebase (the Java encoder of issue 4),"
                  .formatted(input.chunkFrames(), input.batchChunks())
              + " which this build does not have; run with batchChunks = 1 (naive [N,1])",
          "UnsupportedStageException");
    }
    if (!capabilities.encoders().contains(encoder)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "encoder " + input.encoder() + " is not available to this deployment's workers",
          "UnsupportedStageException");
    }
    long start = System.nanoTime();
    JobLayout layout = new JobLayout(JobLayout.jobRoot(workDirectory, input.jobId()).uri());
    try {
      BlobRef source = BlobRef.parse(input.source());
      VideoInfo video =
          SourceSplitter.split(
              blobs, source, input.chunkFrames(), layout, scratch.resolve(input.jobId()));
      int chunks = (video.frames() + input.chunkFrames() - 1) / input.chunkFrames();
      long millis = (System.nanoTime() - start) / 1_000_000;
      log.info(
          "{}: {} frames {}x{} -> {} chunks in {} ms",
          where,
          video.frames(),
          video.width(),
          video.height(),
          chunks,
          millis);
      return new SplitResult(layout.root().uri(), video, chunks, millis, endpoint(input.jobId()));
    } catch (WorkerException e) {
      throw Failures.of(e, where);
    } catch (ContainerFormatException | IllegalArgumentException e) {
      throw Failures.badInput(e, where);
    } catch (IOException e) {
      throw Failures.of(e, where);
    }
  }

  @Override
  public AssembleResult assembleOutput(AssembleInput input) {
    String where = "assembly of " + input.output();
    long start = System.nanoTime();
    JobLayout layout = new JobLayout(input.workRoot());
    IvfAssembler.ChunkSource chunks =
        new IvfAssembler.ChunkSource() {
          @Override
          public int chunks() {
            return input.chunks();
          }

          @Override
          public BlobRef finalOutput(int chunk) {
            return layout.finalOutput(chunk, chunk % input.batchChunks());
          }

          @Override
          public int frames(int chunk) {
            return Math.min(input.chunkFrames(), input.frames() - chunk * input.chunkFrames());
          }

          @Override
          public int firstFrame(int chunk) {
            return chunk * input.chunkFrames();
          }
        };
    Path tmp = null;
    Path webm = null;
    try {
      Files.createDirectories(scratch);
      tmp = Files.createTempFile(scratch, input.jobId() + "-", ".ivf");
      IvfAssembler.Assembled out = IvfAssembler.assemble(blobs, chunks, tmp);
      BlobRef output = BlobRef.parse(input.output());
      long bytes = out.bytes();
      if (output.uri().toLowerCase(Locale.ROOT).endsWith(".webm")) {
        // WebM output: the same frames, remuxed from the assembled IVF (same bytes per frame).
        webm = tmp.resolveSibling(tmp.getFileName() + ".webm");
        WebmWriter.fromIvf(tmp, webm);
        bytes = Files.size(webm);
        blobs.upload(webm, output);
      } else {
        blobs.upload(tmp, output);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new AssembleResult(output.uri(), bytes, out.frames(), out.keyFrames(), millis);
    } catch (WorkerException e) {
      throw Failures.of(e, where);
    } catch (ContainerFormatException | IllegalArgumentException e) {
      throw Failures.badInput(e, where);
    } catch (IOException e) {
      throw Failures.of(e, where);
    } finally {
      for (Path p : new Path[] {tmp, webm}) {
        if (p != null) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            log.debug("could not delete {}: {}", p, e.toString());
          }
        }
      }
    }
  }

  @Override
  public void cleanupJob(CleanupInput input) {
    try {
      exchanges.forEndpoint(endpoint(input.jobId())).deleteJob(input.jobId());
      if (!input.keepIntermediates() && !input.workRoot().isEmpty()) {
        int n = blobs.deleteAll(BlobRef.parse(input.workRoot()));
        log.debug("job {}: deleted {} intermediate objects", input.jobId(), n);
      }
    } catch (IOException e) {
      throw Failures.of(e, "cleanup of job " + input.jobId());
    }
  }
}
