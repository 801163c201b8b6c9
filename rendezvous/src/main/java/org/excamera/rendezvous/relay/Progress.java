package org.excamera.rendezvous.relay;

import org.excamera.rendezvous.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * What a reader may do next: copy up to {@code available} bytes ({@link Status#DATA}), finish with
 * {@code digest} ({@link Status#END}), start over ({@link Status#ABORTED}) or send a heartbeat
 * ({@link Status#IDLE}).
 */
public record Progress(Status status, long available, @Nullable Sha256 digest) {
  /** The kinds of progress. */
  public enum Status {
    DATA,
    END,
    ABORTED,
    IDLE
  }
}
