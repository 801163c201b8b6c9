package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.RelayUnavailableException;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.excamera.rendezvous.testing.TestCertificates;
import org.excamera.rendezvous.testing.TestCertificates.Identity;
import org.excamera.rendezvous.tls.TlsContexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS 1.3 with certificates made by keytool at test time; mutual TLS; wrong trust. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final StateKey KEY = new StateKey(0, 1, "final");

  @TempDir static Path certs;
  static Identity server;
  static Identity client;
  static Identity stranger;

  @TempDir Path data;

  @BeforeAll
  static void makeCertificates() throws Exception {
    server = TestCertificates.create(certs, "server", "localhost");
    client = TestCertificates.create(certs, "client", "worker");
    stranger = TestCertificates.create(certs, "stranger", "localhost");
  }

  private RendezvousServer start(boolean mutual) throws Exception {
    SSLContext ctx =
        TlsContexts.server(
            server.certificate(), server.key(), mutual ? client.certificate() : null);
    ServerSettings settings =
        ServerSettings.builder(data, LoopbackServer.TOKENS)
            .bindAddress(InetAddress.getLoopbackAddress())
            .tls(ctx)
            .requireClientCertificates(mutual)
            .build();
    return RendezvousServer.start(settings, new SimpleMeterRegistry());
  }

  private static RendezvousClient.Builder client(RendezvousServer s, SSLContext ctx) {
    return RendezvousClient.builder("127.0.0.1:" + s.port())
        .tls(ctx)
        .token(LoopbackServer.TOKENS.issue("job-t"))
        .heartbeat(Duration.ofMillis(500))
        .retryBudget(Duration.ofSeconds(30));
  }

  @Test
  void statesTravelOverTls() throws Exception {
    try (RendezvousServer s = start(false);
        RendezvousClient c =
            client(s, TlsContexts.clientFromFiles(server.certificate(), null, null))
                .compression(Compression.DEFLATE)
                .build()) {
      byte[] state = Payloads.of(1, 5_000_000);
      c.publish("job-t", KEY, state);
      assertArrayEquals(state, c.fetch("job-t", KEY, Duration.ZERO));
    }
  }

  @Test
  void mutualTlsAdmitsTheTrustedClientOnly() throws Exception {
    try (RendezvousServer s = start(true)) {
      byte[] state = Payloads.of(2, 300_000);
      try (RendezvousClient anonymous =
          client(s, TlsContexts.clientFromFiles(server.certificate(), null, null)).build()) {
        RelayUnavailableException e =
            assertThrows(
                RelayUnavailableException.class, () -> anonymous.publish("job-t", KEY, state));
        assertEquals(ErrorCode.TLS_FAILED, e.code(), "given up after a few handshakes, not 30 s");
      }
      try (RendezvousClient impostor =
          client(
                  s,
                  TlsContexts.clientFromFiles(
                      server.certificate(), stranger.certificate(), stranger.key()))
              .build()) {
        assertThrows(RelayUnavailableException.class, () -> impostor.publish("job-t", KEY, state));
      }
      try (RendezvousClient trusted =
          client(
                  s,
                  TlsContexts.clientFromFiles(
                      server.certificate(), client.certificate(), client.key()))
              .build()) {
        trusted.publish("job-t", KEY, state);
        assertArrayEquals(state, trusted.fetch("job-t", KEY, Duration.ZERO));
      }
    }
  }

  @Test
  void aClientRefusesAServerItDoesNotTrust() throws Exception {
    try (RendezvousServer s = start(false);
        RendezvousClient c =
            client(s, TlsContexts.clientFromFiles(stranger.certificate(), null, null)).build()) {
      RelayUnavailableException e =
          assertThrows(RelayUnavailableException.class, () -> c.fetch("job-t", KEY, Duration.ZERO));
      assertTrue(String.valueOf(e.getCause()).contains("SSL"), String.valueOf(e.getCause()));
    }
  }
}
