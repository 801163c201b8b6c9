package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.Eventually;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.excamera.rendezvous.testing.RawPeer;
import org.excamera.rendezvous.wire.FetchRequest;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.Protocol;
import org.excamera.rendezvous.wire.PublishRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad frames get a typed ERROR and a closed connection, while a well-behaved client waiting on the
 * same server is served normally afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolViolationTest {
  private static final StateKey KEY = new StateKey(1, 2, "final");

  @TempDir Path dir;
  private LoopbackServer server;
  private RendezvousClient good;
  private Future<byte[]> waiting;
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @BeforeEach
  void startWithAWaitingClient() throws Exception {
    server = LoopbackServer.start(dir);
    good = server.client("job-a");
    waiting = pool.submit(() -> good.fetch("job-a", KEY, Duration.ofSeconds(40)));
    Eventually.await(
        "the good client waits",
        () -> server.registry().get("rendezvous.waiters").gauge().value() == 1);
  }

  @AfterEach
  void goodClientIsStillServed() throws Exception {
    byte[] state = Payloads.of(9, 400_000);
    try (RendezvousClient writer = server.client("job-a")) {
      writer.publish("job-a", KEY, state);
    }
    assertArrayEquals(state, waiting.get(20, TimeUnit.SECONDS));
    pool.shutdownNow();
    good.close();
    server.close();
  }

  private void assertRefused(ErrorCode expected, byte[]... frames) throws Exception {
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(frames);
      RawPeer.Frame reply = peer.read();
      assertEquals(FrameType.ERROR.code(), reply.type());
      assertEquals(expected, reply.errorCode());
      assertTrue(peer.closedByServer(), "the server closes the connection after " + expected);
    }
  }

  private static byte[] header(FrameType type, long length) {
    return RawPeer.header(Protocol.MAGIC, Protocol.VERSION, type.code(), 0, length);
  }

  @Test
  void badMagic() throws Exception {
    assertRefused(
        ErrorCode.MALFORMED_FRAME, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Version 1 is what a client from before the checksum change would send. */
  @ParameterizedTest(name = "version {0}")
  @ValueSource(ints = {1, 3})
  void wrongVersion(int version) throws Exception {
    assertRefused(
        ErrorCode.UNSUPPORTED_VERSION,
        RawPeer.header(Protocol.MAGIC, version, FrameType.FETCH.code(), 0, 10),
        new byte[10]);
  }

  @Test
  void unknownFrameType() throws Exception {
    assertRefused(
        ErrorCode.MALFORMED_FRAME, RawPeer.header(Protocol.MAGIC, Protocol.VERSION, 99, 0, 0));
  }

  @Test
  void reservedFlags() throws Exception {
    assertRefused(
        ErrorCode.MALFORMED_FRAME,
        RawPeer.header(Protocol.MAGIC, Protocol.VERSION, FrameType.FETCH.code(), 1, 0));
  }

  @Test
  void oversizeControlFrameIsRefusedBeforeItsBodyArrives() throws Exception {
    assertRefused(ErrorCode.FRAME_TOO_LARGE, header(FrameType.PUBLISH, 0xFFFF_FFF0L));
  }

  @Test
  void oversizeDataFrameInsideAPublish() throws Exception {
    String token = LoopbackServer.TOKENS.issue("job-x");
    byte[] begin = new PublishRequest(token, "job-x", KEY, 1 << 20).encode();
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(header(FrameType.PUBLISH, begin.length), begin);
      assertEquals(FrameType.READY.code(), peer.read().type());
      peer.send(header(FrameType.DATA, Protocol.MAX_DATA_BODY + 1));
      RawPeer.Frame reply = peer.read();
      assertEquals(ErrorCode.FRAME_TOO_LARGE, reply.errorCode());
      assertTrue(peer.closedByServer());
    }
  }

  @Test
  void truncatedRequestBody() throws Exception {
    byte[] body = new FetchRequest("t", "job-a", KEY, 1000, 1000).encode();
    byte[] cut = java.util.Arrays.copyOf(body, body.length - 3);
    assertRefused(ErrorCode.MALFORMED_FRAME, header(FrameType.FETCH, cut.length), cut);
  }

  @Test
  void invalidKeyInRequest() throws Exception {
    byte[] body =
        ByteBuffer.allocate(2 + 1 + 2 + 5 + 4 + 4 + 2 + 3 + 8 + 4)
            .putShort((short) 1)
            .put((byte) 't')
            .putShort((short) 5)
            .put("job-a".getBytes(StandardCharsets.US_ASCII))
            .putInt(0)
            .putInt(0)
            .putShort((short) 3)
            .put("BAD".getBytes(StandardCharsets.US_ASCII))
            .putLong(1000)
            .putInt(1000)
            .array();
    assertRefused(ErrorCode.MALFORMED_FRAME, header(FrameType.FETCH, body.length), body);
  }

  @Test
  void aReplyFrameSentAsARequest() throws Exception {
    assertRefused(ErrorCode.UNEXPECTED_FRAME, header(FrameType.WAITING, 0));
  }

  @Test
  void corruptChunkAbortsThePublishWithoutReachingReaders() throws Exception {
    String token = LoopbackServer.TOKENS.issue("job-a");
    byte[] begin = new PublishRequest(token, "job-a", KEY, 1000).encode();
    byte[] chunk =
        ByteBuffer.allocate(9 + 10).put((byte) 1).putInt(1000).putInt(0).put(new byte[10]).array();
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(header(FrameType.PUBLISH, begin.length), begin);
      assertEquals(FrameType.READY.code(), peer.read().type());
      peer.send(header(FrameType.DATA, chunk.length), chunk);
      assertEquals(ErrorCode.MALFORMED_FRAME, peer.read().errorCode());
      assertTrue(peer.closedByServer());
    }
  }

  @Test
  void publishThatDiesHalfWayIsNeverDelivered() throws Exception {
    String token = LoopbackServer.TOKENS.issue("job-a");
    byte[] begin = new PublishRequest(token, "job-a", KEY, 1000).encode();
    byte[] half =
        ByteBuffer.allocate(9 + 500)
            .put((byte) 0)
            .putInt(500)
            .putInt(Crc32c.of(new byte[500]).value())
            .array();
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(header(FrameType.PUBLISH, begin.length), begin);
      assertEquals(FrameType.READY.code(), peer.read().type());
      peer.send(header(FrameType.DATA, half.length), half);
    }
    // The waiting client may have started receiving those 500 bytes; it must discard them and
    // get the real state published in goodClientIsStillServed.
  }

  @Test
  void aWrongFinalChecksumIsRefusedAndNothingIsStored() throws Exception {
    String token = LoopbackServer.TOKENS.issue("job-a");
    byte[] begin = new PublishRequest(token, "job-a", KEY, 5).encode();
    int crc = Crc32c.of(new byte[5]).value();
    byte[] chunk =
        ByteBuffer.allocate(14).put((byte) 0).putInt(5).putInt(crc).put(new byte[5]).array();
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(header(FrameType.PUBLISH, begin.length), begin);
      assertEquals(FrameType.READY.code(), peer.read().type());
      peer.send(header(FrameType.DATA, chunk.length), chunk);
      peer.send(header(FrameType.PUBLISH_END, 4), ByteBuffer.allocate(4).putInt(crc ^ 1).array());
      assertEquals(ErrorCode.DIGEST_MISMATCH, peer.read().errorCode());
    }
  }

  /**
   * A frame whose bytes do not match its running checksum is refused before any reader sees it, and
   * the connection closes: the client is still sending and is out of step.
   */
  @Test
  void aFrameWithAWrongChecksumIsRefusedAndTheConnectionClosed() throws Exception {
    String token = LoopbackServer.TOKENS.issue("job-a");
    byte[] state = Payloads.of(5, 1000);
    byte[] frames = Payloads.frames(state, false, 600);
    frames[12 + 9 + 100] ^= 1; // a payload byte of the first frame
    byte[] begin = new PublishRequest(token, "job-a", KEY, state.length).encode();
    try (RawPeer peer = new RawPeer(server.port())) {
      peer.send(header(FrameType.PUBLISH, begin.length), begin);
      assertEquals(FrameType.READY.code(), peer.read().type());
      peer.send(frames);
      RawPeer.Frame reply = peer.read();
      assertEquals(ErrorCode.DIGEST_MISMATCH, reply.errorCode());
      assertTrue(peer.closedByServer());
    }
  }
}
