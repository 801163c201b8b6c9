package org.excamera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mHeader;
import org.excamera.codec.io.Y4mReader;
import org.excamera.codec.io.Y4mWriter;

/** The clips the encoder benches read, and Y4M files they write for vpxenc. */
final class BenchClips {
  private BenchClips() {}

  /** Foreman from {@code $EXCAMERA_TESTDATA}, else from the first {@code shared/testdata} above. */
  static Path defaultClip() {
    String env = System.getenv("EXCAMERA_TESTDATA");
    Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("shared", "testdata");
    for (Path dir = Path.of("").toAbsolutePath();
        dir != null && env == null;
        dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("shared").resolve("testdata").resolve("clips"))) {
        root = dir.resolve("shared").resolve("testdata");
        break;
      }
    }
    return root.resolve("clips").resolve("foreman_cif_352x288_96f.y4m");
  }

  /** The first {@code count} frames of a Y4M file. */
  static List<RawFrame> readFrames(Path file, int count) throws IOException {
    List<RawFrame> frames = new ArrayList<>();
    try (Y4mReader in = Y4mReader.open(file)) {
      for (Optional<RawFrame> f = in.next();
          f.isPresent() && frames.size() < count;
          f = in.next()) {
        frames.add(f.get());
      }
    }
    return frames;
  }

  /** Writes frames as a 30000/1001 Y4M file for vpxenc. */
  static void writeY4m(List<RawFrame> frames, Path file) throws IOException {
    RawFrame f0 = frames.get(0);
    try (Y4mWriter w =
        Y4mWriter.create(file, Y4mHeader.i420(f0.width(), f0.height(), 30000, 1001))) {
      for (RawFrame f : frames) {
        w.write(f);
      }
    }
  }

  /**
   * MD5 of a sequence of frames (each frame's length, then its bytes), printed by the benches so
   * that a speed change can be seen not to change the output.
   */
  static String digest(List<CompressedFrame> frames) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has MD5", e);
    }
    for (CompressedFrame f : frames) {
      byte[] data = f.toByteArray();
      md.update(
          new byte[] {
            (byte) (data.length >>> 24),
            (byte) (data.length >>> 16),
            (byte) (data.length >>> 8),
            (byte) data.length
          });
      md.update(data);
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : md.digest()) {
      hex.append(String.format("%02x", b & 0xFF));
    }
    return hex.toString();
  }
}
