package org.excamera.rendezvous;

import java.util.regex.Pattern;

/**
 * Names one state of a job: the batch, the chunk within the job and the kind of state (for example
 * {@code "vpxenc"} for the state a chunk's vpxenc output leaves, {@code "final"} for the state its
 * rebased output leaves). The text form {@code batch/chunk/kind} is what the CLI accepts.
 */
public record StateKey(int batch, int chunk, String kind) implements Comparable<StateKey> {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  public StateKey {
    if (batch < 0 || chunk < 0) {
      throw new IllegalArgumentException(
          "batch and chunk must be non-negative: batch %d, chunk %d".formatted(batch, chunk));
    }
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "kind must match %s: \"%s\"".formatted(KIND.pattern(), kind));
    }
  }

  /** Parses {@code batch/chunk/kind}, e.g. {@code 0/7/final}. */
  public static StateKey parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("state key must be batch/chunk/kind: \"" + text + "\"");
    }
    try {
      return new StateKey(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "state key must be batch/chunk/kind with numbers: \"" + text + "\"", e);
    }
  }

  /** A name usable as a file name: {@code b<batch>.c<chunk>.<kind>}. */
  public String fileStem() {
    return "b" + batch + ".c" + chunk + "." + kind;
  }

  @Override
  public int compareTo(StateKey o) {
    int c = Integer.compare(batch, o.batch);
    if (c == 0) {
      c = Integer.compare(chunk, o.chunk);
    }
    return c != 0 ? c : kind.compareTo(o.kind);
  }

  @Override
  public String toString() {
    return batch + "/" + chunk + "/" + kind;
  }
}
