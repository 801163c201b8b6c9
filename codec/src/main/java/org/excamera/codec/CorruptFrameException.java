package org.excamera.codec;

/** The input is not a valid VP8 frame or state: truncated, inconsistent or out of range. */
public final class CorruptFrameException extends CodecException {
  private static final long serialVersionUID = 1L;

  public CorruptFrameException(String message) {
    super(message);
  }

  public CorruptFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
