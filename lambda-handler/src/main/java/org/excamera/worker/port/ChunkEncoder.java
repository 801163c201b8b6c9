package org.excamera.worker.port;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Stage 1's encoder: a raw chunk (Y4M file) in, an IVF with a key frame followed by interframes
 * out, one visible frame per source frame. Deterministic: the same chunk and settings give the same
 * bytes on any worker (design §4.4).
 */
public interface ChunkEncoder {
  /** The encoder's name for timings and logs, e.g. {@code vpxenc}. */
  String name();

  /** Encodes {@code rawY4m} at {@code cqLevel}, using {@code workDir} for temporary files. */
  byte[] encode(Path rawY4m, int cqLevel, Path workDir) throws IOException, InterruptedException;
}
