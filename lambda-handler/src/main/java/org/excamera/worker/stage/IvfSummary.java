package org.excamera.worker.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.worker.OutputMismatchException;

/** What an encoded chunk holds: records, key frames, hidden frames. */
record IvfSummary(int frames, int keyFrames, int hiddenFrames, boolean startsWithKeyFrame) {

  static IvfSummary of(byte[] ivf, String what) {
    int frames = 0;
    int keys = 0;
    int hidden = 0;
    boolean firstKey = false;
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(ivf))) {
      for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
        byte[] data = f.get().data();
        if (FrameTag.isKeyFrame(data)) {
          keys++;
          if (frames == 0) {
            firstKey = true;
          }
        }
        if (!FrameTag.isShown(data)) {
          hidden++;
        }
        frames++;
      }
    } catch (IOException | RuntimeException e) {
      throw new OutputMismatchException(what + " is not a readable IVF: " + e.getMessage());
    }
    return new IvfSummary(frames, keys, hidden, firstKey);
  }

  /**
   * Checks the invariants of design §2 for a chunk of {@code expected} source frames: one visible
   * frame per source frame and no hidden (alt-ref) frames, which would misalign frames.
   */
  IvfSummary requireFrames(int expected, String what) {
    if (hiddenFrames != 0) {
      throw new OutputMismatchException(
          "%s has %d hidden frames; every output frame must be a shown frame for one source frame"
              .formatted(what, hiddenFrames));
    }
    if (frames != expected) {
      throw new OutputMismatchException(
          "%s has %d frames, the chunk has %d source frames".formatted(what, frames, expected));
    }
    return this;
  }
}
