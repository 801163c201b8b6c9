package org.excamera.rendezvous;

/**
 * Error codes the server answers with (and the client raises), with their wire values. A retryable
 * code may succeed on a later try (the client retries those itself); the others will not.
 */
public enum ErrorCode {
  MALFORMED_FRAME(1, false),
  UNSUPPORTED_VERSION(2, false),
  FRAME_TOO_LARGE(3, false),
  PAYLOAD_TOO_LARGE(4, false),
  MISSING_TOKEN(5, false),
  BAD_TOKEN(6, false),
  CONFLICT(7, false),
  DIGEST_MISMATCH(8, true),
  TIMEOUT(9, false),
  JOB_DELETED(10, false),
  BUSY(11, true),
  SHUTTING_DOWN(12, true),
  INTERNAL(13, true),
  UNEXPECTED_FRAME(14, false),
  /** The connection failed or the server could not be reached (client side only). */
  UNAVAILABLE(15, true),
  /** The TLS handshake kept failing: certificates or trust do not match (client side only). */
  TLS_FAILED(16, false),
  /** A code this client does not know (a newer server). */
  UNKNOWN(0, false);

  private final int wire;
  private final boolean retryable;

  ErrorCode(int wire, boolean retryable) {
    this.wire = wire;
    this.retryable = retryable;
  }

  public int wire() {
    return wire;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The code for a wire value; {@link #UNKNOWN} for values this side does not know. */
  public static ErrorCode fromWire(int value) {
    for (ErrorCode c : values()) {
      if (c.wire == value && c != UNKNOWN) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
