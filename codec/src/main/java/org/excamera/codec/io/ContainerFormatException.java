package org.excamera.codec.io;

/**
 * Malformed container input (IVF or Y4M): a bad signature or header, a truncated record, an absurd
 * size. Unchecked and not retryable: reading the same bytes again fails the same way. Errors of the
 * underlying stream are {@link java.io.IOException}s instead.
 */
public abstract sealed class ContainerFormatException extends RuntimeException
    permits IvfFormatException, Y4mFormatException {
  private static final long serialVersionUID = 1L;

  protected ContainerFormatException(String message) {
    super(message);
  }
}
