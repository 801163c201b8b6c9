package org.excamera.worker;

import java.time.Duration;
import org.excamera.worker.port.Clock;

/** A point in time by which a stage must finish (Lambda's remaining time, an activity timeout). */
public final class Deadline {
  private final Clock clock;
  private final long atNanos;

  private Deadline(Clock clock, long atNanos) {
    this.clock = clock;
    this.atNanos = atNanos;
  }

  /** {@code millis} from now on the system clock. */
  public static Deadline in(long millis) {
    return in(Clock.SYSTEM, Duration.ofMillis(millis));
  }

  public static Deadline in(Clock clock, Duration duration) {
    return new Deadline(clock, clock.nanoTime() + duration.toNanos());
  }

  /** Time left; zero when passed. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, atNanos - clock.nanoTime()));
  }

  /** The shorter of {@code wanted} and the time left minus {@code reserve}, never negative. */
  public Duration cap(Duration wanted, Duration reserve) {
    Duration left = remaining().minus(reserve);
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return wanted.compareTo(left) < 0 ? wanted : left;
  }
}
