package org.excamera.rendezvous.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.excamera.rendezvous.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Reads frames from a stream. {@link #readHeader} validates magic, version, type, flags and the
 * body length against the type's limit before anything is allocated; the caller then reads the body
 * into a buffer it owns.
 */
public final class FrameReader {
  private final InputStream in;
  private final byte[] header = new byte[Protocol.HEADER_BYTES];

  public FrameReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads and validates the next header; null on a clean end of stream before its first byte.
   *
   * @throws WireFormatException if the header breaks the protocol
   * @throws EOFException if the stream ends inside the header
   */
  public @Nullable FrameHeader readHeader() throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    header[0] = (byte) first;
    readFully(header, 1, Protocol.HEADER_BYTES - 1);
    return parseHeader(header);
  }

  /** Like {@link #readHeader} but an end of stream is an {@link EOFException}. */
  public FrameHeader readHeaderOrThrow() throws IOException {
    FrameHeader h = readHeader();
    if (h == null) {
      throw new EOFException("connection closed by peer");
    }
    return h;
  }

  /** Validates a 12-byte header. */
  public static FrameHeader parseHeader(byte[] h) throws WireFormatException {
    int magic = Bytes.getInt(h, 0);
    if (magic != Protocol.MAGIC) {
      throw new WireFormatException(
          ErrorCode.MALFORMED_FRAME, "bad magic 0x%08x, expected EXRV".formatted(magic));
    }
    int version = Bytes.getShort(h, 4);
    if (version != Protocol.VERSION) {
      throw new WireFormatException(
          ErrorCode.UNSUPPORTED_VERSION,
          "protocol version %d, this side speaks %d".formatted(version, Protocol.VERSION));
    }
    int code = h[6] & 0xFF;
    FrameType type = FrameType.fromCode(code);
    if (type == null) {
      throw new WireFormatException(ErrorCode.MALFORMED_FRAME, "unknown frame type " + code);
    }
    int flags = h[7] & 0xFF;
    if (flags != 0) {
      throw new WireFormatException(
          ErrorCode.MALFORMED_FRAME, "%s frame has reserved flags 0x%02x".formatted(type, flags));
    }
    long length = Bytes.getInt(h, 8) & 0xFFFF_FFFFL;
    if (length > type.maxBody()) {
      throw new WireFormatException(
          ErrorCode.FRAME_TOO_LARGE,
          "%s frame declares %d body bytes, limit %d".formatted(type, length, type.maxBody()));
    }
    return new FrameHeader(type, (int) length);
  }

  /** Reads a control body (at most {@link Protocol#MAX_CONTROL_BODY} bytes) into a new array. */
  public byte[] readBody(FrameHeader h) throws IOException {
    if (h.length() > Protocol.MAX_CONTROL_BODY) {
      throw new AssertionError(h.type() + " is not a control frame");
    }
    byte[] body = new byte[h.length()];
    readFully(body, 0, body.length);
    return body;
  }

  /** Reads exactly {@code len} bytes into {@code dst} at {@code off}. */
  public void readFully(byte[] dst, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = in.read(dst, off + done, len - done);
      if (n < 0) {
        throw new EOFException("connection closed inside a frame");
      }
      done += n;
    }
  }

  /** Reads and discards {@code len} bytes. */
  public void skip(int len) throws IOException {
    long left = len;
    while (left > 0) {
      long n = in.skip(left);
      if (n <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed inside a frame");
        }
        n = 1;
      }
      left -= n;
    }
  }
}
