package org.excamera.rendezvous.wire;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.excamera.rendezvous.ErrorCode;

/** Parses a control body; every read checks what remains and fails as MALFORMED_FRAME. */
final class BodyReader {
  private final FrameType type;
  private final byte[] body;
  private int pos;

  BodyReader(FrameType type, byte[] body) {
    this.type = type;
    this.body = body;
  }

  private void need(int n, String what) throws WireFormatException {
    if (body.length - pos < n) {
      throw malformed(
          "%s needs %d bytes at offset %d, body has %d".formatted(what, n, pos, body.length));
    }
  }

  WireFormatException malformed(String message) {
    return new WireFormatException(ErrorCode.MALFORMED_FRAME, type + " frame: " + message);
  }

  int u8(String what) throws WireFormatException {
    need(1, what);
    return body[pos++] & 0xFF;
  }

  int u16(String what) throws WireFormatException {
    need(2, what);
    int v = Bytes.getShort(body, pos);
    pos += 2;
    return v;
  }

  long u32(String what) throws WireFormatException {
    need(4, what);
    long v = Bytes.getInt(body, pos) & 0xFFFF_FFFFL;
    pos += 4;
    return v;
  }

  long u64(String what) throws WireFormatException {
    long hi = u32(what);
    long lo = u32(what);
    return hi << 32 | lo;
  }

  byte[] bytes(int n, String what) throws WireFormatException {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(body, pos, out, 0, n);
    pos += n;
    return out;
  }

  String string(int maxChars, String what) throws WireFormatException {
    int n = u16(what + " length");
    if (n > maxChars) {
      throw malformed("%s is %d bytes, limit %d".formatted(what, n, maxChars));
    }
    need(n, what);
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(body, pos, n))
              .toString();
      pos += n;
      return s;
    } catch (CharacterCodingException e) {
      throw malformed(what + " is not UTF-8");
    }
  }

  void end() throws WireFormatException {
    if (pos != body.length) {
      throw malformed("%d unexpected trailing bytes".formatted(body.length - pos));
    }
  }
}
