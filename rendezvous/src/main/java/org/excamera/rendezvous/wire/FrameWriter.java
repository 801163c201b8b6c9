package org.excamera.rendezvous.wire;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames to a (buffered) stream. Headers go through a small reusable buffer; bodies are
 * written from the caller's arrays without copying. Call {@link #flush} at the end of a message.
 */
public final class FrameWriter {
  private final OutputStream out;
  private final byte[] header = new byte[Protocol.HEADER_BYTES];

  public FrameWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the 12-byte header of a frame whose body the caller writes next. */
  public void writeHeader(FrameType type, int bodyLength) throws IOException {
    encodeHeader(header, 0, type, bodyLength);
    out.write(header);
  }

  /** Encodes a header into {@code dst} at {@code off}. */
  public static void encodeHeader(byte[] dst, int off, FrameType type, int bodyLength) {
    if (bodyLength < 0 || bodyLength > type.maxBody()) {
      throw new IllegalArgumentException(
          "%s body of %d bytes exceeds its limit %d".formatted(type, bodyLength, type.maxBody()));
    }
    Bytes.putInt(dst, off, Protocol.MAGIC);
    Bytes.putShort(dst, off + 4, Protocol.VERSION);
    dst[off + 6] = (byte) type.code();
    dst[off + 7] = 0;
    Bytes.putInt(dst, off + 8, bodyLength);
  }

  /** Writes a whole frame. */
  public void write(FrameType type, byte[] body) throws IOException {
    writeHeader(type, body.length);
    out.write(body);
  }

  /** Writes a frame with an empty body. */
  public void writeEmpty(FrameType type) throws IOException {
    writeHeader(type, 0);
  }

  /** Writes raw bytes (the rest of a body whose header was written). */
  public void writeRaw(byte[] bytes, int off, int len) throws IOException {
    out.write(bytes, off, len);
  }

  public void flush() throws IOException {
    out.flush();
  }
}
