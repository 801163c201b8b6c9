package org.excamera.codec;

/** The input is valid VP8 (or a valid state format) that this codec does not handle. */
public final class UnsupportedFeatureException extends CodecException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
