package org.excamera.rendezvous.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import org.excamera.rendezvous.StateKey;
import org.jspecify.annotations.Nullable;

/**
 * One key of a job: its stored state (if any), the attempts being received, and a condition on the
 * job's lock that is signalled whenever any of those change. Guarded by the job's lock.
 */
final class Slot {
  final StateKey key;
  final Condition changed;
  @Nullable Stored stored;
  final List<Attempt> attempts = new ArrayList<>();

  Slot(StateKey key, Condition changed) {
    this.key = key;
    this.changed = changed;
  }

  /** The attempt readers should tail: the oldest one still receiving. */
  @Nullable Attempt tailable() {
    for (Attempt a : attempts) {
      if (!a.aborted) {
        return a;
      }
    }
    return null;
  }
}
