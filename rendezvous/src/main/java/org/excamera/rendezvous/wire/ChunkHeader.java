package org.excamera.rendezvous.wire;

import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.ErrorCode;

/**
 * The 9 bytes that open a DATA body: encoding (0 raw, 1 deflate), the chunk's raw length, and the
 * running CRC32C of the state's raw bytes up to the end of this chunk. A raw chunk's body is
 * exactly the raw bytes; a deflated chunk must inflate to exactly the raw length. A running value
 * (rather than one per chunk) makes a lost, repeated or reordered chunk fail the check too, and the
 * last chunk's value is the checksum of the whole state.
 */
public record ChunkHeader(boolean deflated, int rawLength, int encodedLength, Crc32c runningCrc) {
  public static final int RAW = 0;
  public static final int DEFLATE = 1;

  /** Parses and checks the chunk header of a DATA body of {@code bodyLength} bytes. */
  public static ChunkHeader parse(byte[] b, int off, int bodyLength) throws WireFormatException {
    if (bodyLength < Protocol.CHUNK_HEADER_BYTES) {
      throw malformed("DATA body of %d bytes has no chunk header".formatted(bodyLength));
    }
    int encoding = b[off] & 0xFF;
    long raw = Bytes.getInt(b, off + 1) & 0xFFFF_FFFFL;
    Crc32c crc = new Crc32c(Bytes.getInt(b, off + 5));
    int encoded = bodyLength - Protocol.CHUNK_HEADER_BYTES;
    if (raw < 1 || raw > Protocol.CHUNK_RAW_BYTES) {
      throw malformed("chunk raw length %d outside 1..%d".formatted(raw, Protocol.CHUNK_RAW_BYTES));
    }
    if (encoding == RAW) {
      if (raw != encoded) {
        throw malformed("raw chunk declares %d bytes but carries %d".formatted(raw, encoded));
      }
      return new ChunkHeader(false, (int) raw, encoded, crc);
    }
    if (encoding == DEFLATE) {
      if (encoded < 1) {
        throw malformed("deflated chunk carries no bytes");
      }
      return new ChunkHeader(true, (int) raw, encoded, crc);
    }
    throw malformed("unknown chunk encoding " + encoding);
  }

  /** Writes a chunk header into {@code dst} at {@code off}. */
  public static void encode(
      byte[] dst, int off, boolean deflated, int rawLength, Crc32c runningCrc) {
    dst[off] = (byte) (deflated ? DEFLATE : RAW);
    Bytes.putInt(dst, off + 1, rawLength);
    Bytes.putInt(dst, off + 5, runningCrc.value());
  }

  static WireFormatException malformed(String message) {
    return new WireFormatException(ErrorCode.MALFORMED_FRAME, message);
  }
}
