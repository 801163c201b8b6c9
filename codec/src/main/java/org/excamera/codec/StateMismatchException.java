package org.excamera.codec;

/**
 * A frame that does not fit the state it is decoded against, for example an interframe decoded
 * against a state that has no reference pictures yet.
 */
public final class StateMismatchException extends CodecException {
  private static final long serialVersionUID = 1L;

  public StateMismatchException(String message) {
    super(message);
  }
}
