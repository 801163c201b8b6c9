package org.excamera.rendezvous;

/** The bytes received do not have the CRC32C checksum they were published with. */
public final class DigestMismatchException extends RendezvousException {
  public DigestMismatchException(String message) {
    super(ErrorCode.DIGEST_MISMATCH, message, null);
  }
}
