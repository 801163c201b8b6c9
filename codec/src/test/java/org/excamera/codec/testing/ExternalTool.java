package org.excamera.codec.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds external programs (vpxenc, vpxdec, ffmpeg) on the PATH. A test that needs a missing one is
 * skipped with a loud reason, and fails under CI, where {@code scripts/setup} installs them.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** The program's path, or empty when it is not on the PATH. */
  public static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The program's path; skips the calling test (fails it under CI) when missing. */
  public static Path require(String name) {
    Optional<Path> tool = find(name);
    if (tool.isEmpty()) {
      TestData.unavailable(name + " is not installed (run scripts/setup)");
    }
    return tool.orElseThrow();
  }
}
