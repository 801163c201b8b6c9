package org.excamera.rendezvous.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.excamera.rendezvous.wire.FrameHeader;
import org.excamera.rendezvous.wire.FrameReader;
import org.excamera.rendezvous.wire.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of a server connection: frame headers and control bodies through a small
 * read-ahead buffer, DATA payloads in pieces straight into a payload buffer from the memory budget.
 * On a plaintext connection both buffers are direct, so a payload goes from the socket to the part
 * file and the checksum without passing through the Java heap; on TLS both are arrays the TLS
 * stream decrypts into.
 */
final class ConnectionInput {
  /** Read-ahead: the longest control frame, so that a request arrives in one read. */
  static final int AHEAD_BYTES = Protocol.HEADER_BYTES + Protocol.MAX_CONTROL_BODY;

  /** A blocking byte source: reads at least one byte into {@code dst}, or returns -1 at the end. */
  @FunctionalInterface
  interface Source {
    int read(ByteBuffer dst) throws IOException;
  }

  private final Source source;
  private final ByteBuffer ahead; // unread bytes in [position, limit)
  private final byte[] header = new byte[Protocol.HEADER_BYTES];

  private ConnectionInput(Source source, ByteBuffer ahead) {
    this.source = source;
    this.ahead = ahead.flip();
  }

  /** Reads a channel (or anything with channel semantics) through direct buffers. */
  static ConnectionInput ofChannel(Source channel) {
    return new ConnectionInput(channel, ByteBuffer.allocateDirect(AHEAD_BYTES));
  }

  /** Reads a stream (a TLS socket's) through heap buffers. */
  static ConnectionInput ofStream(InputStream in) {
    Source s =
        dst -> {
          int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
          if (n > 0) {
            dst.position(dst.position() + n);
          }
          return n;
        };
    return new ConnectionInput(s, ByteBuffer.allocate(AHEAD_BYTES));
  }

  /**
   * Reads and validates the next header; null on a clean end of stream before its first byte.
   *
   * @throws org.excamera.rendezvous.wire.WireFormatException if the header breaks the protocol
   */
  @Nullable FrameHeader readHeader() throws IOException {
    if (!ahead.hasRemaining() && !fillAhead()) {
      return null;
    }
    readFully(header, 0, header.length);
    return FrameReader.parseHeader(header);
  }

  /** Like {@link #readHeader} but an end of stream is an {@link EOFException}. */
  FrameHeader readHeaderOrThrow() throws IOException {
    FrameHeader h = readHeader();
    if (h == null) {
      throw new EOFException("connection closed by peer");
    }
    return h;
  }

  /** Reads a control body (at most {@link Protocol#MAX_CONTROL_BODY} bytes) into a new array. */
  byte[] readBody(FrameHeader h) throws IOException {
    if (h.length() > Protocol.MAX_CONTROL_BODY) {
      throw new AssertionError(h.type() + " is not a control frame");
    }
    byte[] body = new byte[h.length()];
    readFully(body, 0, body.length);
    return body;
  }

  /** Reads exactly {@code len} bytes into {@code dst} at {@code off}. */
  void readFully(byte[] dst, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      if (!ahead.hasRemaining() && !fillAhead()) {
        throw new EOFException("connection closed inside a frame");
      }
      int n = Math.min(ahead.remaining(), len - done);
      ahead.get(dst, off + done, n);
      done += n;
    }
  }

  /**
   * The next 1 to {@code max} bytes of the stream: read-ahead bytes if there are any, else what one
   * read puts into {@code into}. The result is valid until the next call.
   */
  ByteBuffer next(ByteBuffer into, int max) throws IOException {
    if (ahead.hasRemaining()) {
      int n = Math.min(max, ahead.remaining());
      ByteBuffer piece = ahead.slice(ahead.position(), n);
      ahead.position(ahead.position() + n);
      return piece;
    }
    into.clear().limit(Math.min(max, into.capacity()));
    if (source.read(into) < 0) {
      throw new EOFException("connection closed inside a frame");
    }
    return into.flip();
  }

  /** Refills the empty read-ahead buffer with one read; false at the end of the stream. */
  private boolean fillAhead() throws IOException {
    ahead.clear();
    int n = source.read(ahead);
    ahead.flip();
    return n > 0;
  }
}
