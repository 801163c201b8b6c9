package org.excamera.rendezvous.wire;

import java.io.IOException;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import org.excamera.rendezvous.Crc32c;

/**
 * Writes one state as DATA frames of at most {@link Protocol#CHUNK_RAW_BYTES} raw bytes each, each
 * carrying the running CRC32C of the raw bytes so far. With deflate on, each chunk is compressed on
 * its own (level 1) and sent raw when that does not save at least 1/16 of it. Raw chunks are
 * written straight from the caller's array. One per publish.
 */
public final class ChunkEncoder implements AutoCloseable {
  private final FrameWriter out;
  private final byte[] prefix = new byte[Protocol.CHUNK_HEADER_BYTES];
  private final Deflater deflater;
  private final boolean deflate;
  private final CRC32C running = new CRC32C();
  private byte[] compressed = new byte[0];

  public ChunkEncoder(FrameWriter out, boolean deflate) {
    this.out = out;
    this.deflate = deflate;
    this.deflater = new Deflater(Deflater.BEST_SPEED, true);
  }

  /**
   * Writes {@code src[off, off + len)} as the next DATA frame; {@code len} is 1..CHUNK_RAW_BYTES.
   */
  public void writeChunk(byte[] src, int off, int len) throws IOException {
    if (len < 1 || len > Protocol.CHUNK_RAW_BYTES) {
      throw new IllegalArgumentException("chunk of " + len + " bytes");
    }
    running.update(src, off, len);
    Crc32c crc = Crc32c.of(running);
    if (deflate) {
      int n = deflate(src, off, len);
      if (n > 0 && n <= len - len / 16) {
        ChunkHeader.encode(prefix, 0, true, len, crc);
        out.writeHeader(FrameType.DATA, Protocol.CHUNK_HEADER_BYTES + n);
        out.writeRaw(prefix, 0, prefix.length);
        out.writeRaw(compressed, 0, n);
        return;
      }
    }
    ChunkHeader.encode(prefix, 0, false, len, crc);
    out.writeHeader(FrameType.DATA, Protocol.CHUNK_HEADER_BYTES + len);
    out.writeRaw(prefix, 0, prefix.length);
    out.writeRaw(src, off, len);
  }

  /** The CRC32C of all raw bytes written so far: what PUBLISH_END declares. */
  public Crc32c checksum() {
    return Crc32c.of(running);
  }

  /** Compressed length, or 0 if the output would not fit in {@code len} bytes. */
  private int deflate(byte[] src, int off, int len) {
    if (compressed.length < len) {
      compressed = new byte[Protocol.CHUNK_RAW_BYTES];
    }
    deflater.reset();
    deflater.setInput(src, off, len);
    deflater.finish();
    int n = 0;
    while (!deflater.finished()) {
      if (n == len) {
        return 0;
      }
      n += deflater.deflate(compressed, n, len - n);
    }
    return n;
  }

  @Override
  public void close() {
    deflater.end();
  }
}
