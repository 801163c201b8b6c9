package org.excamera.rendezvous.wire;

import java.io.IOException;
import org.excamera.rendezvous.ErrorCode;

/**
 * A frame that breaks the protocol: bad magic, unknown version or type, a length over the type's
 * limit, or a body that does not parse. The code is what the server answers before it closes.
 */
public final class WireFormatException extends IOException {
  private final ErrorCode code;

  public WireFormatException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
