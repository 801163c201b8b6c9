package org.excamera.worker.port;

import java.io.IOException;
import java.time.Duration;
import org.excamera.worker.StateKey;

/**
 * Hands decoder states from a chunk to its successor (design §5). Publishing the same bytes twice
 * is harmless (a retried stage publishes again); a reader that comes first waits up to its timeout.
 * States stay until the job is deleted, so retried readers fetch again.
 */
public interface StateExchange {
  /** Publishes a serialized state under (job, key). */
  void publish(String jobId, StateKey key, byte[] state) throws IOException;

  /**
   * The state under (job, key), waiting up to {@code timeout} for it to be published.
   *
   * @throws org.excamera.worker.StateUnavailableException when it is not published in time
   */
  byte[] fetch(String jobId, StateKey key, Duration timeout)
      throws IOException, InterruptedException;

  /** Forgets every state of a job (at its end). */
  void deleteJob(String jobId) throws IOException;
}
