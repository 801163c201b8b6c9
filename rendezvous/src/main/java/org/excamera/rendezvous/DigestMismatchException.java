package org.excamera.rendezvous;

/** The bytes received do not have the SHA-256 digest they were published with. */
public final class DigestMismatchException extends RendezvousException {
  public DigestMismatchException(String message) {
    super(ErrorCode.DIGEST_MISMATCH, message, null);
  }
}
