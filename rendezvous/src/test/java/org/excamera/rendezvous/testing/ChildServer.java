package org.excamera.rendezvous.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;

/**
 * A rendezvous server in a process of its own, for tests that kill it: {@code ChildServer DATA_DIR
 * PORT}. Prints {@code PORT <n>} once serving, then runs until killed or its stdin closes.
 */
public final class ChildServer {
  private ChildServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    ServerSettings settings =
        ServerSettings.builder(Path.of(args[0]), LoopbackServer.TOKENS)
            .insecureLoopback()
            .port(Integer.parseInt(args[1]))
            .build();
    RendezvousServer server = RendezvousServer.start(settings, new SimpleMeterRegistry());
    System.out.println("PORT " + server.port());
    System.out.flush();
    // Ends when the parent closes our stdin (or dies), so no orphan outlives a test run.
    while (System.in.read() >= 0) {
      // keep serving
    }
    server.close();
  }
}
