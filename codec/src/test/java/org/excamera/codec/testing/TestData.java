package org.excamera.codec.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared test data: {@code $EXCAMERA_TESTDATA}, else {@code shared/testdata} beside the
 * checkout ({@code ../shared/testdata} from the repository root). Where it is absent a test is
 * skipped with a loud reason; under CI ({@code CI=true}) it fails instead, because CI must have it.
 */
public final class TestData {
  private TestData() {}

  /** The test-data root, or empty when it cannot be found. */
  public static Optional<Path> find() {
    String env = System.getenv("EXCAMERA_TESTDATA");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).toAbsolutePath();
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate.resolve("vp8-test-vectors"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The test-data root; skips the calling test (fails it under CI) when absent. */
  public static Path root() {
    Optional<Path> root = find();
    if (root.isEmpty()) {
      unavailable(
          "test data not found: set EXCAMERA_TESTDATA or place shared/testdata beside the checkout");
    }
    return root.orElseThrow();
  }

  /** A path inside the test data; skips (fails under CI) when it does not exist. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      unavailable("test data file missing: " + p);
    }
    return p;
  }

  /** The directory of VP8 conformance vectors. */
  public static Path vectors() {
    return path("vp8-test-vectors");
  }

  /** A natural clip from {@code clips/}. */
  public static Path clip(String name) {
    return path("clips/" + name);
  }

  /** Whether this run is CI, where nothing may skip for a missing tool or missing data. */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the current test with a loud reason, or fails it under CI. */
  public static void unavailable(String reason) {
    if (underCi()) {
      fail("CI=true and " + reason);
    }
    System.err.println("SKIPPED (loudly): " + reason);
    Assumptions.abort(reason);
  }
}
