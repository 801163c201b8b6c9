package org.excamera.worker.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.excamera.worker.Deadline;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.UnsupportedStageException;
import org.excamera.worker.port.BlobStore;
import org.excamera.worker.port.ChunkEncoder;
import org.excamera.worker.port.Clock;
import org.excamera.worker.port.StateExchange;
import org.excamera.worker.port.StitchCodec;

/**
 * Everything a stage may use while it runs one request: the ports, a private scratch directory and
 * the deadline.
 *
 * @param blobs chunk and output storage
 * @param exchange the state exchange of this request's job
 * @param encoders stage-1 encoders available in this build
 * @param codec the stitching operations
 * @param clock time for timings
 * @param scratch a directory of this request only, deleted afterwards
 * @param deadline when the stage must be done
 */
public record StageContext(
    BlobStore blobs,
    StateExchange exchange,
    Map<EncoderKind, ChunkEncoder> encoders,
    StitchCodec codec,
    Clock clock,
    Path scratch,
    Deadline deadline) {

  /** Time kept back from a state wait so that the stage can still report its failure. */
  static final Duration WAIT_RESERVE = Duration.ofSeconds(2);

  public StageContext {
    encoders = Map.copyOf(encoders);
  }

  ChunkEncoder encoder(EncoderKind kind) {
    ChunkEncoder encoder = encoders.get(kind);
    if (encoder == null) {
      throw new UnsupportedStageException(
          kind == EncoderKind.JAVA
              ? "this worker has no Java chunk encoder configured; use vpxenc"
              : "vpxenc was not found (install vpx-tools, or set "
                  + VpxencEncoder.ENV_VPXENC
                  + ")");
    }
    return encoder;
  }

  void requireStitching(String what) {
    if (!codec.canStitch()) {
      throw new UnsupportedStageException(
          what
              + " needs encode-given-state and rebase (the Java encoder of issue 4), which this"
              + " build does not have; ExCamera[N,x] with x > 1 cannot run yet (use x = 1)");
    }
  }
}
