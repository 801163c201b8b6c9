package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.DigestMismatchException;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.FetchTimeoutException;
import org.excamera.rendezvous.JobDeletedException;
import org.excamera.rendezvous.PayloadTooLargeException;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.StateConflictException;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.TokenRejectedException;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.Crc32cCollisions;
import org.excamera.rendezvous.testing.Eventually;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.MutableClock;
import org.excamera.rendezvous.testing.Payloads;
import org.excamera.rendezvous.testing.RawPeer;
import org.excamera.rendezvous.wire.FetchRequest;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.Protocol;
import org.excamera.rendezvous.wire.PublishRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real server on a loopback port, driven by real clients. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RendezvousServerTest {
  private static final StateKey K0 = new StateKey(0, 0, "final");
  private static final StateKey K1 = new StateKey(0, 1, "final");

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "test threads did not stop");
    for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
      closeAtEnd.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closeAtEnd.add(c);
    return c;
  }

  private LoopbackServer server() throws Exception {
    return closing(LoopbackServer.start(dir.resolve("data")));
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "DEFLATE"})
  void fetchAfterPublishReturnsTheSameBytes(Compression compression) throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(1, 3_000_000);
    try (RendezvousClient c = s.clientBuilder("job-a").compression(compression).build()) {
      assertEquals(PublishOutcome.CREATED, c.publish("job-a", K0, state));
      assertArrayEquals(state, c.fetch("job-a", K0, Duration.ZERO));
    }
  }

  @Test
  void emptyStateRoundTrips() throws Exception {
    LoopbackServer s = server();
    try (RendezvousClient c = s.client("job-a")) {
      c.publish("job-a", K0, new byte[0]);
      assertEquals(0, c.fetch("job-a", K0, Duration.ZERO).length);
    }
  }

  @Test
  void readerBeforeWriterGetsTheStateOncePublished() throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(2, 1_000_000);
    RendezvousClient reader = closing(s.client("job-a"));
    Future<byte[]> fetched = pool.submit(() -> reader.fetch("job-a", K1, Duration.ofSeconds(30)));
    Eventually.await("the reader waits on the server", () -> waiters(s) == 1);
    try (RendezvousClient writer = s.client("job-a")) {
      writer.publish("job-a", K1, state);
    }
    assertArrayEquals(state, fetched.get(20, TimeUnit.SECONDS));
    assertEquals(1, s.count("rendezvous.fetches", "outcome", "served"));
  }

  private static double waiters(LoopbackServer s) {
    return s.registry().get("rendezvous.waiters").gauge().value();
  }

  @Test
  void republishingTheSameBytesIsIdempotentAndDifferentBytesConflict() throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(3, 700_000);
    try (RendezvousClient c = s.client("job-a")) {
      assertEquals(PublishOutcome.CREATED, c.publish("job-a", K0, state));
      assertEquals(PublishOutcome.ALREADY_PRESENT, c.publish("job-a", K0, state.clone()));
      byte[] other = state.clone();
      other[12345] ^= 1;
      StateConflictException e =
          assertThrows(StateConflictException.class, () -> c.publish("job-a", K0, other));
      assertEquals(ErrorCode.CONFLICT, e.code());
      assertArrayEquals(state, c.fetch("job-a", K0, Duration.ZERO));
    }
  }

  /**
   * Re-publishes are compared with the stored state byte for byte, not by checksum: the same bytes
   * sent deflated are the same state, and different bytes with the same length and CRC32C conflict.
   */
  @Test
  void republishesAreComparedByTheirBytes() throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(3, 700_000);
    byte[] forged = Crc32cCollisions.sameChecksum(state, 400_000, 123_456);
    assertEquals(Crc32c.of(state), Crc32c.of(forged));
    try (RendezvousClient raw = s.client("job-a");
        RendezvousClient deflating =
            s.clientBuilder("job-a").compression(Compression.DEFLATE).build()) {
      assertEquals(PublishOutcome.CREATED, raw.publish("job-a", K0, state));
      assertEquals(PublishOutcome.ALREADY_PRESENT, deflating.publish("job-a", K0, state));
      assertThrows(StateConflictException.class, () -> raw.publish("job-a", K0, forged));
      assertThrows(StateConflictException.class, () -> deflating.publish("job-a", K0, forged));
      assertEquals(PublishOutcome.CREATED, deflating.publish("job-a", K1, forged));
      assertEquals(PublishOutcome.ALREADY_PRESENT, raw.publish("job-a", K1, forged));
      assertArrayEquals(state, raw.fetch("job-a", K0, Duration.ZERO));
      assertArrayEquals(forged, raw.fetch("job-a", K1, Duration.ZERO));
    }
  }

  /** The frames are stored with their checksums, so bytes that rot on disk never reach a reader. */
  @Test
  void aStateDamagedOnDiskIsRefusedByTheReader() throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(6, 300_000);
    try (RendezvousClient c = s.client("job-a")) {
      c.publish("job-a", K0, state);
      Path file;
      try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
        file = files.filter(p -> p.toString().endsWith(".state")).findFirst().orElseThrow();
      }
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, 200_000);
        b.put(0, (byte) (b.get(0) ^ 0x10));
        ch.write(b.flip(), 200_000);
      }
      DigestMismatchException e =
          assertThrows(DigestMismatchException.class, () -> c.fetch("job-a", K0, Duration.ZERO));
      assertTrue(String.valueOf(e.getMessage()).contains("published with"), e.getMessage());
    }
  }

  @Test
  void fetchOfAnAbsentKeyTimesOutWithATypedError() throws Exception {
    LoopbackServer s = server();
    try (RendezvousClient c = s.client("job-a")) {
      FetchTimeoutException e =
          assertThrows(
              FetchTimeoutException.class, () -> c.fetch("job-a", K0, Duration.ofMillis(300)));
      assertEquals(ErrorCode.TIMEOUT, e.code());
      assertFalse(e.retryable());
    }
  }

  @Test
  void badTokensAreRejectedWhileOthersAreServed() throws Exception {
    LoopbackServer s = server();
    byte[] state = Payloads.of(4, 500_000);
    RendezvousClient good = closing(s.client("job-a"));
    Future<byte[]> waiting = pool.submit(() -> good.fetch("job-a", K1, Duration.ofSeconds(30)));
    Eventually.await("the good reader waits", () -> waiters(s) == 1);

    String otherJobsToken = LoopbackServer.TOKENS.issue("job-b");
    for (String token : List.of("", otherJobsToken, "not-a-token", "AAAA")) {
      try (RendezvousClient bad = s.clientBuilder("job-a").token(token).build()) {
        TokenRejectedException e =
            assertThrows(TokenRejectedException.class, () -> bad.publish("job-a", K1, state));
        assertEquals(token.isEmpty() ? ErrorCode.MISSING_TOKEN : ErrorCode.BAD_TOKEN, e.code());
        assertThrows(
            TokenRejectedException.class, () -> bad.fetch("job-a", K1, Duration.ofSeconds(1)));
        assertThrows(TokenRejectedException.class, () -> bad.deleteJob("job-a"));
      }
    }
    assertFalse(waiting.isDone(), "a rejected publish must not reach the waiting reader");
    good.publish("job-a", K1, state);
    assertArrayEquals(state, waiting.get(20, TimeUnit.SECONDS));
    assertEquals(9, s.count("rendezvous.rejections", "code", "BAD_TOKEN"));
    assertEquals(3, s.count("rendezvous.rejections", "code", "MISSING_TOKEN"));
  }

  @Test
  void deleteJobRemovesItsStatesAndFailsItsWaiters() throws Exception {
    LoopbackServer s = server();
    RendezvousClient c = closing(s.client("job-a"));
    c.publish("job-a", K0, Payloads.of(5, 10_000));
    Future<byte[]> waiting = pool.submit(() -> c.fetch("job-a", K1, Duration.ofSeconds(30)));
    Eventually.await("the reader waits", () -> waiters(s) == 1);
    assertTrue(c.deleteJob("job-a"));
    Exception e = assertThrows(Exception.class, () -> waiting.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof JobDeletedException, String.valueOf(e.getCause()));
    assertThrows(FetchTimeoutException.class, () -> c.fetch("job-a", K0, Duration.ZERO));
    assertFalse(c.deleteJob("job-a"));
    try (Stream<Path> left = Files.list(dir.resolve("data"))) {
      assertEquals(
          List.of("spare"),
          left.map(p -> p.getFileName().toString()).toList(),
          "the job's directory is gone; its state file is kept as a spare");
    }
    try (Stream<Path> spares = Files.list(dir.resolve("data").resolve("spare"))) {
      assertEquals(1, spares.count());
    }
    byte[] again = Payloads.of(6, 10_000);
    assertEquals(PublishOutcome.CREATED, c.publish("job-a", K0, again));
    assertArrayEquals(again, c.fetch("job-a", K0, Duration.ZERO));
  }

  @Test
  void idleJobsExpireAfterTheirTtl() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    LoopbackServer s =
        closing(
            LoopbackServer.start(
                dir.resolve("data"), b -> b.clock(clock).jobTtl(Duration.ofHours(1))));
    try (RendezvousClient a = s.client("job-a");
        RendezvousClient b = s.client("job-b")) {
      a.publish("job-a", K0, Payloads.of(7, 1000));
      clock.advance(Duration.ofMinutes(50));
      b.publish("job-b", K0, Payloads.of(8, 1000));
      assertEquals(0, s.server().expireIdleJobs());
      clock.advance(Duration.ofMinutes(20));
      assertEquals(1, s.server().expireIdleJobs(), "job-a idle 70 min, job-b 20 min");
      assertThrows(FetchTimeoutException.class, () -> a.fetch("job-a", K0, Duration.ZERO));
      assertEquals(1000, b.fetch("job-b", K0, Duration.ZERO).length);
    }
  }

  @Test
  void aRestartedServerStillHasEveryAcknowledgedState() throws Exception {
    Path data = dir.resolve("data");
    List<byte[]> states = new ArrayList<>();
    int port;
    try (LoopbackServer s = LoopbackServer.start(data);
        RendezvousClient c = s.client("job-a")) {
      port = s.port();
      for (int i = 0; i < 3; i++) {
        states.add(Payloads.of(10 + i, 300_000 + i));
        c.publish("job-a", new StateKey(0, i, "final"), states.get(i));
      }
    }
    try (LoopbackServer s = LoopbackServer.start(data, b -> b.port(port));
        RendezvousClient c = s.client("job-a")) {
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(
            states.get(i), c.fetch("job-a", new StateKey(0, i, "final"), Duration.ZERO));
      }
    }
  }

  @Test
  void aWaitingFetchResumesAfterTheServerRestarts() throws Exception {
    Path data = dir.resolve("data");
    LoopbackServer first = LoopbackServer.start(data);
    int port = first.port();
    String address = first.address();
    RendezvousClient reader = closing(LoopbackServer.clientBuilder(address, "job-a").build());
    Future<byte[]> waiting = pool.submit(() -> reader.fetch("job-a", K0, Duration.ofSeconds(40)));
    Eventually.await("the reader waits", () -> waiters(first) == 1);
    first.close();
    LoopbackServer second = closing(LoopbackServer.start(data, b -> b.port(port)));
    byte[] state = Payloads.of(20, 200_000);
    try (RendezvousClient writer = second.client("job-a")) {
      writer.publish("job-a", K0, state);
    }
    assertArrayEquals(state, waiting.get(30, TimeUnit.SECONDS));
  }

  @Test
  void anOversizeStateIsRefusedAndTheConnectionStaysUsable() throws Exception {
    LoopbackServer s =
        closing(LoopbackServer.start(dir.resolve("data"), b -> b.maxPayloadBytes(1 << 20)));
    try (RendezvousClient c = s.clientBuilder("job-a").maxIdleConnections(1).build()) {
      PayloadTooLargeException e =
          assertThrows(
              PayloadTooLargeException.class,
              () -> c.publish("job-a", K0, new byte[(1 << 20) + 1]));
      assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
      c.publish("job-a", K0, new byte[1 << 20]);
    }
  }

  /**
   * Plaintext reads go through the socket channel, which has no read timeout of its own: the
   * watchdog closes a connection that stays silent between requests past the idle timeout, and one
   * that stops half way through a DATA frame past the I/O timeout.
   */
  @Test
  void silentPeersAreDisconnectedBetweenAndInsideRequests() throws Exception {
    LoopbackServer s =
        closing(
            LoopbackServer.start(
                dir.resolve("data"),
                b -> b.ioTimeout(Duration.ofMillis(500)).idleTimeout(Duration.ofMillis(700))));
    try (RawPeer idle = new RawPeer(s.port())) {
      assertTrue(idle.closedByServer(), "an idle connection is closed");
    }
    byte[] begin =
        new PublishRequest(LoopbackServer.TOKENS.issue("job-a"), "job-a", K0, 1000).encode();
    try (RawPeer stalled = new RawPeer(s.port())) {
      stalled.send(
          RawPeer.header(
              Protocol.MAGIC, Protocol.VERSION, FrameType.PUBLISH.code(), 0, begin.length),
          begin);
      assertEquals(FrameType.READY.code(), stalled.read().type());
      stalled.send(
          RawPeer.header(Protocol.MAGIC, Protocol.VERSION, FrameType.DATA.code(), 0, 9 + 1000),
          new byte[] {0, 0, 0, 3, (byte) 0xE8, 0, 0, 0, 0},
          new byte[100]);
      assertTrue(stalled.closedByServer(), "a publish stalled inside a frame is closed");
    }
    try (RendezvousClient c = s.client("job-a")) {
      byte[] state = Payloads.of(8, 1000);
      assertEquals(PublishOutcome.CREATED, c.publish("job-a", K0, state));
      assertArrayEquals(state, c.fetch("job-a", K0, Duration.ZERO));
    }
  }

  @Test
  void aReaderThatStopsReadingIsDisconnected() throws Exception {
    LoopbackServer s =
        closing(
            LoopbackServer.start(dir.resolve("data"), b -> b.ioTimeout(Duration.ofMillis(500))));
    try (RendezvousClient c = s.client("job-a")) {
      c.publish("job-a", K0, Payloads.random(30, 8_000_000));
    }
    byte[] fetch =
        new FetchRequest(LoopbackServer.TOKENS.issue("job-a"), "job-a", K0, 0, 1000).encode();
    try (RawPeer stalled = new RawPeer(s.port(), 4096)) {
      stalled.send(
          RawPeer.header(Protocol.MAGIC, Protocol.VERSION, FrameType.FETCH.code(), 0, fetch.length),
          fetch);
      Eventually.await(
          "the server drops the connection of a peer that does not read",
          () -> s.registry().get("rendezvous.connections").gauge().value() == 0);
    }
    try (RendezvousClient c = s.client("job-a")) {
      assertEquals(8_000_000, c.fetch("job-a", K0, Duration.ZERO).length, "others still served");
    }
  }

  @Test
  void manyTransfersStayWithinTheMemoryBudget() throws Exception {
    long budget = 3L * RendezvousServer.BYTES_PER_PUBLISH;
    LoopbackServer s =
        closing(LoopbackServer.start(dir.resolve("data"), b -> b.memoryBudgetBytes(budget)));
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int n = i;
      runs.add(
          pool.submit(
              () -> {
                try (RendezvousClient c = s.client("job-m")) {
                  byte[] state = Payloads.of(100 + n, 1_500_000);
                  StateKey key = new StateKey(0, n, "final");
                  c.publish("job-m", key, state);
                  assertArrayEquals(state, c.fetch("job-m", key, Duration.ZERO));
                }
                return null;
              }));
    }
    for (Future<?> f : runs) {
      f.get(40, TimeUnit.SECONDS);
    }
    assertTrue(s.server().buffers().peakInUse() <= budget, "peak within budget");
    assertTrue(s.server().buffers().allocated() <= budget, "allocation within budget");
    assertTrue(s.server().buffers().peakInUse() > 0);
  }
}
