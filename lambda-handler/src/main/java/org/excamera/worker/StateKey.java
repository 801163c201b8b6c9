package org.excamera.worker;

/** Names one published state of a job: chunk {@code chunk} of batch {@code batch}, of a kind. */
public record StateKey(int batch, int chunk, StateKind kind) {
  public StateKey {
    if (batch < 0 || chunk < 0) {
      throw new IllegalArgumentException("negative batch or chunk: " + batch + "/" + chunk);
    }
    if (kind == null) {
      throw new IllegalArgumentException("state kind missing");
    }
  }

  /** The rendezvous key, e.g. {@code b00003/c000017/vpx}. */
  public String name() {
    return "b%05d/c%06d/%s".formatted(batch, chunk, kind.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return name();
  }
}
