package org.excamera.activities.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.worker.BlobRef;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.port.BlobStore;
import org.excamera.worker.stage.FrameTag;
import org.jspecify.annotations.Nullable;

/**
 * Concatenates chunk IVFs into one (the rule of the test data's README): the first chunk's header
 * with the frame count of all records, then every chunk's records unchanged except the timestamp,
 * which is offset by the chunk's first frame index so timestamps keep increasing. Checks that every
 * chunk has its planned frame count and that timestamps strictly increase.
 */
public final class IvfAssembler {
  private IvfAssembler() {}

  /** What the assembled file holds. */
  public record Assembled(long bytes, int frames, int keyFrames) {}

  /** The chunks' final objects, in order, with their planned frame counts. */
  public interface ChunkSource {
    int chunks();

    BlobRef finalOutput(int chunk);

    int frames(int chunk);

    int firstFrame(int chunk);
  }

  public static Assembled assemble(BlobStore blobs, ChunkSource chunks, Path target)
      throws IOException {
    IvfWriter writer = null;
    int keyFrames = 0;
    long lastPts = Long.MIN_VALUE;
    try {
      for (int c = 0; c < chunks.chunks(); c++) {
        BlobRef ref = chunks.finalOutput(c);
        int count = 0;
        try (InputStream in = blobs.open(ref);
            IvfReader reader = new IvfReader(in)) {
          if (writer == null) {
            IvfHeader first = reader.header();
            writer = IvfWriter.create(target, first);
          }
          for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
            IvfFrame frame = f.get();
            long pts = frame.pts() + chunks.firstFrame(c);
            if (pts <= lastPts) {
              throw new OutputMismatchException(
                  "chunk %d frame %d: timestamp %d does not follow %d"
                      .formatted(c, count, pts, lastPts));
            }
            byte[] data = frame.data();
            if (FrameTag.isKeyFrame(data)) {
              keyFrames++;
            }
            writer.write(pts, data);
            lastPts = pts;
            count++;
          }
        }
        if (count != chunks.frames(c)) {
          throw new OutputMismatchException(
              "chunk %d (%s) has %d frames, planned %d".formatted(c, ref, count, chunks.frames(c)));
        }
      }
    } finally {
      closeIfOpen(writer);
    }
    if (writer == null) {
      throw new IllegalArgumentException("no chunks to assemble");
    }
    return new Assembled(Files.size(target), (int) writer.framesWritten(), keyFrames);
  }

  private static void closeIfOpen(@Nullable IvfWriter writer) throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
