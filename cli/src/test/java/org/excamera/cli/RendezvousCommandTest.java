package org.excamera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The rendezvous subcommands against a real server on a loopback port. */
class RendezvousCommandTest {
  @TempDir Path dir;
  private Path secret;
  private RendezvousServer server;
  private String address;

  @BeforeEach
  void startServer() throws Exception {
    secret = dir.resolve("secret");
    Files.writeString(secret, "cli-test-secret-0123456789\n", StandardCharsets.US_ASCII);
    server =
        RendezvousServer.start(
            ServerSettings.builder(dir.resolve("data"), JobTokens.fromSecretFile(secret))
                .insecureLoopback()
                .build(),
            new SimpleMeterRegistry());
    address = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** Runs the command; returns exit code, stdout and stderr. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String token(String job) {
    Run r = run("rendezvous", "token", "--job", job, "--secret-file", secret.toString());
    assertEquals(0, r.code(), r.err());
    return r.out().trim();
  }

  @Test
  void putThenGetCopiesTheFile() throws Exception {
    byte[] state = new byte[700_000];
    new Random(5).nextBytes(state);
    Path in = dir.resolve("state.bin");
    Files.write(in, state);
    String token = token("job-cli");
    Run put =
        run(
            "rendezvous",
            "put",
            "--address",
            address,
            "--job",
            "job-cli",
            "--key",
            "0/1/final",
            "--token",
            token,
            "--insecure-loopback",
            in.toString());
    assertEquals(0, put.code(), put.err());
    assertTrue(put.out().startsWith("CREATED 0/1/final 700000 bytes"), put.out());
    Path out = dir.resolve("got.bin");
    Run get =
        run(
            "rendezvous",
            "get",
            "--address",
            address,
            "--job",
            "job-cli",
            "--key",
            "0/1/final",
            "--token",
            token,
            "--insecure-loopback",
            "-o",
            out.toString());
    assertEquals(0, get.code(), get.err());
    assertArrayEquals(state, Files.readAllBytes(out));
  }

  @Test
  void timeoutsAndRejectionsExitNonZeroWithAMessage() {
    Path out = dir.resolve("never.bin");
    Run timeout =
        run(
            "rendezvous",
            "get",
            "--address",
            address,
            "--job",
            "job-cli",
            "--key",
            "0/9/final",
            "--token",
            token("job-cli"),
            "--timeout",
            "1",
            "--insecure-loopback",
            "-o",
            out.toString());
    assertEquals(RendezvousCommand.TIMEOUT, timeout.code());
    assertTrue(timeout.err().contains("TIMEOUT"), timeout.err());
    Run rejected =
        run(
            "rendezvous",
            "get",
            "--address",
            address,
            "--job",
            "job-cli",
            "--key",
            "0/9/final",
            "--token",
            token("another-job"),
            "--insecure-loopback",
            "-o",
            out.toString());
    assertEquals(RendezvousCommand.REJECTED, rejected.code());
    assertTrue(rejected.err().contains("BAD_TOKEN"), rejected.err());
    assertTrue(!Files.exists(out));
  }

  @Test
  void serveNeedsTlsOrAnExplicitInsecureLoopback() {
    Run r =
        run(
            "rendezvous",
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.resolve("d").toString(),
            "--secret-file",
            secret.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--insecure-loopback"), r.err());
  }

  @Test
  void plaintextToANonLoopbackAddressIsRefused() {
    Run r =
        run(
            "rendezvous",
            "get",
            "--address",
            "192.0.2.1:7000",
            "--job",
            "j",
            "--key",
            "0/0/final",
            "--token",
            "t",
            "--insecure-loopback",
            "-o",
            dir.resolve("x").toString());
    assertEquals(RendezvousCommand.ERROR, r.code());
    assertTrue(r.err().contains("loopback"), r.err());
  }
}
