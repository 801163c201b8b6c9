package org.excamera.codec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;

/**
 * The VP8 conformance vectors of the shared test data, each with its frames and the expected
 * per-frame md5 lines ({@code .ivf.md5}, one per shown frame). Skips loudly when the data is
 * absent.
 */
public final class TestVectors {
  private TestVectors() {}

  /** One vector. */
  public record TestVector(String name, Path file, List<CompressedFrame> frames, List<String> md5) {
    /** Number of IVF records. */
    public int frameCount() {
      return frames.size();
    }

    /** Record {@code i} (0-based). */
    public CompressedFrame frame(int i) {
      return frames.get(i);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** All vectors, sorted by name. */
  public static Stream<TestVector> all() {
    Path dir = TestData.vectors();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> ivfs =
          files.filter(p -> p.getFileName().toString().endsWith(".ivf")).sorted().toList();
      return ivfs.stream().map(TestVectors::load);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One vector by stem, e.g. {@code vp80-00-comprehensive-001}. */
  public static TestVector named(String stem) {
    return load(TestData.vectors().resolve(stem + ".ivf"));
  }

  /** Reads a vector. */
  public static TestVector load(Path ivf) {
    try {
      List<CompressedFrame> frames =
          IvfReader.readAll(ivf).stream().map(f -> CompressedFrame.of(f.data())).toList();
      String name = ivf.getFileName().toString().replaceFirst("\\.ivf$", "");
      Path md5 = ivf.resolveSibling(ivf.getFileName() + ".md5");
      return new TestVector(name, ivf, frames, Files.readAllLines(md5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All frames of an IVF file. */
  public static List<CompressedFrame> frames(Path ivf) {
    try {
      return IvfReader.readAll(ivf).stream().map(IvfFrame::data).map(CompressedFrame::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
