package org.excamera.activities.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.excamera.activities.VideoInfo;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mReader;
import org.excamera.codec.io.Y4mWriter;
import org.excamera.worker.BlobRef;
import org.excamera.worker.port.BlobStore;

/**
 * Reads a Y4M source once, streaming, and writes a Y4M object of {@code chunkFrames} frames per
 * chunk (the last may be shorter), each with the source's header so every chunk encodes with the
 * source's frame rate and colour tags.
 */
public final class SourceSplitter {
  private SourceSplitter() {}

  /** Chunk objects go to {@code layout.raw(c)}; returns what the source held. */
  public static VideoInfo split(
      BlobStore blobs, BlobRef source, int chunkFrames, JobLayout layout, Path scratch)
      throws IOException {
    if (chunkFrames < 1) {
      throw new IllegalArgumentException("chunkFrames must be positive: " + chunkFrames);
    }
    Files.createDirectories(scratch);
    Path chunkFile = Files.createTempFile(scratch, "chunk-", ".y4m");
    try (InputStream in = blobs.open(source);
        Y4mReader reader = new Y4mReader(in)) {
      Y4mHeader header = reader.header();
      int frames = 0;
      int chunk = 0;
      Optional<RawFrame> next = reader.next();
      while (next.isPresent()) {
        try (Y4mWriter writer = Y4mWriter.create(chunkFile, header)) {
          for (int i = 0; i < chunkFrames && next.isPresent(); i++) {
            writer.write(next.get());
            frames++;
            next = reader.next();
          }
        }
        blobs.upload(chunkFile, layout.raw(chunk));
        chunk++;
      }
      if (frames == 0) {
        throw new IllegalArgumentException("source has no frames: " + source);
      }
      return new VideoInfo(
          header.width(),
          header.height(),
          header.frameRateNumerator(),
          header.frameRateDenominator(),
          frames,
          header.frameBytes());
    } finally {
      Files.deleteIfExists(chunkFile);
    }
  }
}
