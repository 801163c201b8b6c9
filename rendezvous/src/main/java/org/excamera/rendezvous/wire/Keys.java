package org.excamera.rendezvous.wire;

import org.excamera.rendezvous.JobIds;
import org.excamera.rendezvous.StateKey;

/** Wire form of job ids and state keys. */
final class Keys {
  private Keys() {}

  static BodyWriter write(BodyWriter w, StateKey key) {
    return w.u32(key.batch()).u32(key.chunk()).string(key.kind());
  }

  static StateKey read(BodyReader r) throws WireFormatException {
    long batch = r.u32("batch");
    long chunk = r.u32("chunk");
    String kind = r.string(64, "kind");
    if (batch > Integer.MAX_VALUE || chunk > Integer.MAX_VALUE) {
      throw r.malformed("batch %d or chunk %d out of range".formatted(batch, chunk));
    }
    try {
      return new StateKey((int) batch, (int) chunk, kind);
    } catch (IllegalArgumentException e) {
      throw r.malformed(String.valueOf(e.getMessage()));
    }
  }

  static String job(BodyReader r) throws WireFormatException {
    String job = r.string(JobIds.MAX_LENGTH * 4, "job");
    if (!JobIds.isValid(job)) {
      throw r.malformed("invalid job id");
    }
    return job;
  }
}
