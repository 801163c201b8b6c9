package org.excamera.rendezvous.wire;

import java.nio.charset.StandardCharsets;
import org.excamera.rendezvous.ErrorCode;

/** ERROR body: code u16, message (truncated to fit a control frame). */
public record ErrorReply(ErrorCode code, String message) {
  private static final int MAX_MESSAGE_BYTES = 1024;

  public byte[] encode() {
    byte[] m = message.getBytes(StandardCharsets.UTF_8);
    String text = message;
    if (m.length > MAX_MESSAGE_BYTES) {
      text = new String(m, 0, MAX_MESSAGE_BYTES, StandardCharsets.UTF_8);
    }
    return new BodyWriter().u16(code.wire()).string(text).toBytes();
  }

  public static ErrorReply decode(byte[] body) throws WireFormatException {
    BodyReader r = new BodyReader(FrameType.ERROR, body);
    ErrorCode code = ErrorCode.fromWire(r.u16("code"));
    String message = r.string(Protocol.MAX_CONTROL_BODY, "message");
    r.end();
    return new ErrorReply(code, message);
  }
}
