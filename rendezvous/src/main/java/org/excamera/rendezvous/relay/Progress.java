package org.excamera.rendezvous.relay;

import org.excamera.rendezvous.Crc32c;
import org.jspecify.annotations.Nullable;

/**
 * What a reader may do next: copy up to {@code available} bytes ({@link Status#DATA}), finish with
 * {@code digest} ({@link Status#END}), start over ({@link Status#ABORTED}) or send a heartbeat
 * ({@link Status#IDLE}).
 */
public record Progress(Status status, long available, @Nullable Crc32c crc) {
  /** The kinds of progress. */
  public enum Status {
    DATA,
    END,
    ABORTED,
    IDLE
  }
}
