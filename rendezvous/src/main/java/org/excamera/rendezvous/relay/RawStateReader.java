package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.excamera.rendezvous.wire.ChunkHeader;
import org.excamera.rendezvous.wire.FrameHeader;
import org.excamera.rendezvous.wire.FrameReader;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.Protocol;

/**
 * Reads a state's raw bytes back out of the DATA frames of its file (stored or part), inflating
 * deflated chunks: how a re-published state is compared with the stored one, byte for byte. The
 * frames were checked when they were received, so a frame that does not parse here means the file
 * changed on disk: an {@link IOException}.
 */
final class RawStateReader implements AutoCloseable {
  private final FileChannel file;
  private final long dataLength;
  private final ByteBuffer input; // encoded bytes of a deflated chunk
  private final byte[] prefix = new byte[Protocol.HEADER_BYTES + Protocol.CHUNK_HEADER_BYTES];
  private final Inflater inflater = new Inflater(true);
  private long pos; // next file position to read
  private int rawLeft; // raw bytes of the current chunk not yet returned
  private int encodedLeft; // encoded bytes of the current chunk not yet read from the file
  private boolean deflated;

  private RawStateReader(FileChannel file, long dataLength, ByteBuffer input) {
    this.file = file;
    this.dataLength = dataLength;
    this.input = input;
  }

  /**
   * Whether the frames {@code a[0, aLength)} and {@code b[0, bLength)} hold the same raw bytes.
   * {@code scratch} (at least 64 bytes, from the memory budget) is split four ways: a window and an
   * inflate input for each side.
   */
  static boolean sameRawBytes(
      FileChannel a, long aLength, FileChannel b, long bLength, ByteBuffer scratch)
      throws IOException {
    scratch.clear();
    int quarter = scratch.capacity() / 4;
    ByteBuffer windowA = scratch.slice(0, quarter);
    ByteBuffer windowB = scratch.slice(quarter, quarter);
    try (RawStateReader ra = new RawStateReader(a, aLength, scratch.slice(2 * quarter, quarter));
        RawStateReader rb = new RawStateReader(b, bLength, scratch.slice(3 * quarter, quarter))) {
      while (true) {
        int na = ra.fill(windowA.clear());
        int nb = rb.fill(windowB.clear());
        if (na != nb || !windowA.flip().equals(windowB.flip())) {
          return false;
        }
        if (na == 0) {
          return true;
        }
      }
    }
  }

  /** Fills {@code dst} with raw bytes as far as they go; returns how many (0 at the end). */
  private int fill(ByteBuffer dst) throws IOException {
    int start = dst.position();
    while (dst.hasRemaining() && read(dst)) {
      // next piece
    }
    return dst.position() - start;
  }

  /** Reads some raw bytes into {@code dst}; false at the end of the state. */
  private boolean read(ByteBuffer dst) throws IOException {
    if (rawLeft == 0 && !nextChunk()) {
      return false;
    }
    int want = Math.min(dst.remaining(), rawLeft);
    if (!deflated) {
      ByteBuffer part = dst.slice(dst.position(), want);
      StateFile.readFully(file, part, pos);
      dst.position(dst.position() + want);
      pos += want;
      rawLeft -= want;
      return true;
    }
    int limit = dst.limit();
    dst.limit(dst.position() + want);
    try {
      while (true) {
        int n = inflater.inflate(dst);
        if (n > 0) {
          rawLeft -= n;
          return true;
        }
        if (!inflater.needsInput() || encodedLeft == 0) {
          throw corrupt("a deflated chunk ends before its declared length");
        }
        int k = Math.min(input.capacity(), encodedLeft);
        StateFile.readFully(file, input.clear().limit(k), pos);
        input.flip();
        inflater.setInput(input);
        pos += k;
        encodedLeft -= k;
      }
    } catch (DataFormatException e) {
      throw corrupt("a deflated chunk is corrupt: " + e.getMessage());
    } finally {
      dst.limit(limit);
    }
  }

  private boolean nextChunk() throws IOException {
    if (deflated && encodedLeft != 0) {
      throw corrupt("a deflated chunk inflates to its length before its end");
    }
    if (pos >= dataLength) {
      return false;
    }
    StateFile.readFully(file, ByteBuffer.wrap(prefix), pos);
    FrameHeader h = FrameReader.parseHeader(prefix);
    if (h.type() != FrameType.DATA) {
      throw corrupt(h.type() + " frame among the DATA frames");
    }
    ChunkHeader c = ChunkHeader.parse(prefix, Protocol.HEADER_BYTES, h.length());
    pos += prefix.length;
    deflated = c.deflated();
    rawLeft = c.rawLength();
    encodedLeft = deflated ? c.encodedLength() : 0;
    inflater.reset();
    return true;
  }

  private IOException corrupt(String what) {
    return new IOException("state file at offset %d: %s".formatted(pos, what));
  }

  @Override
  public void close() {
    inflater.end();
  }
}
