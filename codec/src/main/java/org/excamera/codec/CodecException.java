package org.excamera.codec;

/**
 * A frame or state the codec cannot use. Corrupt input, valid VP8 that this codec does not handle,
 * and a frame that does not fit the state it is decoded against each have their own subclass; the
 * message names the frame, partition or macroblock and the offending value.
 */
public abstract sealed class CodecException extends RuntimeException
    permits CorruptFrameException, UnsupportedFeatureException, StateMismatchException {
  private static final long serialVersionUID = 1L;

  protected CodecException(String message) {
    super(message);
  }

  protected CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
