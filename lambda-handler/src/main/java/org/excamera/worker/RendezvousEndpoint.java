package org.excamera.worker;

/**
 * Where a worker exchanges states for one job: the rendezvous server's {@code host:port} and the
 * job's access token (design §5). Absent in a request means "the worker's own exchange" (the
 * in-memory one of an embedded run).
 */
public record RendezvousEndpoint(String address, String token, boolean insecureLoopback) {
  public RendezvousEndpoint {
    if (address == null || !address.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
      throw new IllegalArgumentException("rendezvous address must be host:port, got: " + address);
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("rendezvous token missing");
    }
  }

  @Override
  public String toString() {
    return "RendezvousEndpoint[" + address + ", token=<redacted>]";
  }
}
