package org.excamera.rendezvous.wire;

import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.PublishOutcome;

/** The small fixed-layout bodies: PUBLISH_END, PUBLISHED, STATE_BEGIN, STATE_END, DELETED. */
public final class Replies {
  private Replies() {}

  public static byte[] checksum(Crc32c crc) {
    byte[] b = new byte[Crc32c.BYTES];
    Bytes.putInt(b, 0, crc.value());
    return b;
  }

  public static Crc32c readChecksum(FrameType type, byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(type, body);
    Crc32c crc = new Crc32c((int) r.u32("checksum"));
    r.end();
    return crc;
  }

  public static byte[] published(PublishOutcome outcome, Crc32c crc) {
    int code = outcome == PublishOutcome.CREATED ? 0 : 1;
    return new BodyWriter().u8(code).u32(crc.value() & 0xFFFF_FFFFL).toBytes();
  }

  /** The outcome in a PUBLISHED body (the checksum that follows is checked by the caller). */
  public static PublishOutcome readPublishedOutcome(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.PUBLISHED, body);
    int o = r.u8("outcome");
    r.u32("checksum");
    r.end();
    return switch (o) {
      case 0 -> PublishOutcome.CREATED;
      case 1 -> PublishOutcome.ALREADY_PRESENT;
      default -> throw r.malformed("unknown outcome " + o);
    };
  }

  public static Crc32c readPublishedChecksum(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.PUBLISHED, body);
    r.u8("outcome");
    return new Crc32c((int) r.u32("checksum"));
  }

  public static byte[] stateBegin(long rawLength) {
    return new BodyWriter().u64(rawLength).toBytes();
  }

  public static long readStateBegin(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.STATE_BEGIN, body);
    long n = r.u64("raw length");
    r.end();
    if (n < 0) {
      throw r.malformed("negative raw length");
    }
    return n;
  }

  public static byte[] deleted(boolean existed) {
    return new byte[] {(byte) (existed ? 1 : 0)};
  }

  public static boolean readDeleted(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.DELETED, body);
    int v = r.u8("existed");
    r.end();
    return v != 0;
  }

  public static byte[] text(String s) {
    return new BodyWriter().string(s).toBytes();
  }

  public static String readText(FrameType type, byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(type, body);
    String s = r.string(Protocol.MAX_CONTROL_BODY, "text");
    r.end();
    return s;
  }
}
