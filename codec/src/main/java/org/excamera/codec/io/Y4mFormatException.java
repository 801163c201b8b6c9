package org.excamera.codec.io;

/**
 * A malformed or unsupported YUV4MPEG2 file (bad header, unsupported chroma, truncated frame); the
 * message names the frame index and byte offset where it was found.
 */
public final class Y4mFormatException extends ContainerFormatException {
  private static final long serialVersionUID = 1L;

  public Y4mFormatException(String message) {
    super(message);
  }
}
