package org.excamera.rendezvous;

import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The CRC32C (Castagnoli polynomial, as in iSCSI and RFC 3720 §B.4) of a state's raw bytes, or of a
 * prefix of them: what every DATA frame, the end of a publish and the end of a fetch carry, and
 * what the writer, the server and every reader check. It detects accidental corruption (every burst
 * up to 32 bits, any other error but with probability 2^-32 per check); it is no defence against an
 * adversary, which TLS and the job tokens are.
 */
public record Crc32c(int value) {
  /** The checksum of no bytes. */
  public static final Crc32c EMPTY = new Crc32c(0);

  /** Bytes on the wire. */
  public static final int BYTES = 4;

  /** The checksum of all of {@code data}. */
  public static Crc32c of(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data, 0, data.length);
    return of(c);
  }

  /** The current value of a running checksum. */
  public static Crc32c of(Checksum running) {
    return new Crc32c((int) running.getValue());
  }

  @Override
  public String toString() {
    return "crc32c:%08x".formatted(value);
  }
}
