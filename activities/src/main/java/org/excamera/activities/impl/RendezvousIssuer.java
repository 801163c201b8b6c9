package org.excamera.activities.impl;

import org.excamera.rendezvous.JobTokens;
import org.excamera.worker.RendezvousEndpoint;

/**
 * Hands each job its rendezvous endpoint: the server's address and a token for that job only (HMAC
 * of the job id under the server's secret, issue 5), which the workers present.
 *
 * @param address the rendezvous server, {@code host:port}
 * @param tokens the server's token issuer
 * @param insecureLoopback whether the server speaks plaintext on loopback (embedded runs)
 */
public record RendezvousIssuer(String address, JobTokens tokens, boolean insecureLoopback) {
  public RendezvousEndpoint endpoint(String jobId) {
    return new RendezvousEndpoint(address, tokens.issue(jobId), insecureLoopback);
  }
}
