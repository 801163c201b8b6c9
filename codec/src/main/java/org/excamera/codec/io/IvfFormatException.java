package org.excamera.codec.io;

/** A malformed IVF file; the message names the record index and byte offset where it was found. */
public final class IvfFormatException extends ContainerFormatException {
  private static final long serialVersionUID = 1L;

  public IvfFormatException(String message) {
    super(message);
  }
}
