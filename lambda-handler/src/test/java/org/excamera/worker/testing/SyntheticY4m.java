package org.excamera.worker.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mWriter;

/** Deterministic synthetic Y4M clips: a diagonal gradient moving one pixel per frame. */
public final class SyntheticY4m {
  private SyntheticY4m() {}

  public static RawFrame frame(int width, int height, int index) {
    byte[] y = new byte[width * height];
    for (int row = 0; row < height; row++) {
      for (int x = 0; x < width; x++) {
        y[row * width + x] = (byte) ((x + row + 3 * index) * 255 / (width + height + 3 * 64));
      }
    }
    int cw = RawFrame.chromaSize(width);
    int ch = RawFrame.chromaSize(height);
    byte[] u = new byte[cw * ch];
    byte[] v = new byte[cw * ch];
    for (int i = 0; i < u.length; i++) {
      u[i] = (byte) (96 + (i + index) % 64);
      v[i] = (byte) (160 - (i % 48));
    }
    return new RawFrame(width, height, y, u, v);
  }

  public static Path write(Path file, int width, int height, int frames) throws IOException {
    try (Y4mWriter w = Y4mWriter.create(file, Y4mHeader.i420(width, height, 30, 1))) {
      for (int i = 0; i < frames; i++) {
        w.write(frame(width, height, i));
      }
    }
    return file;
  }
}
