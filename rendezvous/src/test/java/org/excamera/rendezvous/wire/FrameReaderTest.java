package org.excamera.rendezvous.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.StateKey;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  private static byte[] header(int magic, int version, int type, int flags, long length) {
    return ByteBuffer.allocate(12)
        .putInt(magic)
        .putShort((short) version)
        .put((byte) type)
        .put((byte) flags)
        .putInt((int) length)
        .array();
  }

  private static ErrorCode refusal(byte[] header) {
    FrameReader r = new FrameReader(new ByteArrayInputStream(header));
    return assertThrows(WireFormatException.class, r::readHeader).code();
  }

  @Test
  void headersAreCheckedFieldByField() {
    int v = Protocol.VERSION;
    assertEquals(ErrorCode.MALFORMED_FRAME, refusal(header(0x12345678, v, 6, 0, 10)));
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, refusal(header(Protocol.MAGIC, 0, 6, 0, 10)));
    assertEquals(
        ErrorCode.UNSUPPORTED_VERSION,
        refusal(header(Protocol.MAGIC, 1, 6, 0, 10)),
        "version 1 (SHA-256 digests, no frame checksums) is no longer spoken");
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, refusal(header(Protocol.MAGIC, 3, 6, 0, 10)));
    assertEquals(ErrorCode.MALFORMED_FRAME, refusal(header(Protocol.MAGIC, v, 0, 0, 10)));
    assertEquals(ErrorCode.MALFORMED_FRAME, refusal(header(Protocol.MAGIC, v, 200, 0, 10)));
    assertEquals(ErrorCode.MALFORMED_FRAME, refusal(header(Protocol.MAGIC, v, 6, 4, 10)));
  }

  @Test
  void lengthsAreLimitedPerTypeBeforeAnyBodyIsRead() {
    // Only the header exists: a reader that tried to read or allocate the body would fail
    // differently (EOF) or run out of memory.
    assertEquals(
        ErrorCode.FRAME_TOO_LARGE,
        refusal(header(Protocol.MAGIC, Protocol.VERSION, FrameType.FETCH.code(), 0, 4097)));
    assertEquals(
        ErrorCode.FRAME_TOO_LARGE,
        refusal(header(Protocol.MAGIC, Protocol.VERSION, FrameType.DATA.code(), 0, 0xFFFF_FFFFL)));
    assertEquals(
        ErrorCode.FRAME_TOO_LARGE,
        refusal(header(Protocol.MAGIC, Protocol.VERSION, FrameType.WAITING.code(), 0, 1)));
  }

  @Test
  void cleanEndOfStreamIsNullAndATornHeaderIsEof() throws Exception {
    assertNull(new FrameReader(InputStream.nullInputStream()).readHeader());
    FrameReader torn = new FrameReader(new ByteArrayInputStream(new byte[5]));
    assertThrows(EOFException.class, torn::readHeader);
  }

  @Test
  void requestsRoundTrip() throws Exception {
    StateKey key = new StateKey(2, 40, "vpxenc");
    PublishRequest p = new PublishRequest("tok", "job/1", key, 11_000_000L);
    assertEquals(p, PublishRequest.decode(p.encode()));
    FetchRequest f = new FetchRequest("tok", "job/1", key, 60_000, 5000);
    assertEquals(f, FetchRequest.decode(f.encode()));
    DeleteJobRequest d = new DeleteJobRequest("", "job/1");
    assertEquals(d, DeleteJobRequest.decode(d.encode()));
    ErrorReply e = new ErrorReply(ErrorCode.CONFLICT, "différent");
    assertEquals(e, ErrorReply.decode(e.encode()));
    Crc32c crc = new Crc32c(0xCAFEF00D);
    byte[] published = Replies.published(PublishOutcome.ALREADY_PRESENT, crc);
    assertEquals(PublishOutcome.ALREADY_PRESENT, Replies.readPublishedOutcome(published));
    assertEquals(crc, Replies.readPublishedChecksum(published));
    assertEquals(crc, Replies.readChecksum(FrameType.STATE_END, Replies.checksum(crc)));
    assertEquals(123L, Replies.readStateBegin(Replies.stateBegin(123L)));
  }

  @Test
  void trailingBytesAndBadStringsAreMalformed() {
    byte[] body = new FetchRequest("t", "j", new StateKey(0, 0, "k"), 1, 1).encode();
    byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
    assertThrows(WireFormatException.class, () -> FetchRequest.decode(longer));
    byte[] badUtf8 = {0, 2, (byte) 0xC3, (byte) 0x28};
    assertThrows(WireFormatException.class, () -> Replies.readText(FrameType.ABORTED, badUtf8));
    byte[] zeroHeartbeat = new FetchRequest("t", "j", new StateKey(0, 0, "k"), 1, 1).encode();
    zeroHeartbeat[zeroHeartbeat.length - 1] = 0;
    assertThrows(WireFormatException.class, () -> FetchRequest.decode(zeroHeartbeat));
  }

  @Test
  void writerAndReaderAgree() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameWriter w = new FrameWriter(out);
    w.write(FrameType.STATE_BEGIN, Replies.stateBegin(7));
    w.writeEmpty(FrameType.WAITING);
    w.flush();
    FrameReader r = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    FrameHeader h = r.readHeaderOrThrow();
    assertEquals(FrameType.STATE_BEGIN, h.type());
    assertEquals(7, Replies.readStateBegin(r.readBody(h)));
    assertEquals(new FrameHeader(FrameType.WAITING, 0), r.readHeader());
    assertNull(r.readHeader());
  }
}
