package org.excamera.rendezvous.wire;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Inflates deflated chunks, checking they yield exactly their declared raw length. */
public final class ChunkDecoder implements AutoCloseable {
  private final Inflater inflater = new Inflater(true);
  private final byte[] probe = new byte[1];

  /**
   * Inflates {@code src[off, off + len)} into {@code dst[dstOff, dstOff + rawLength)}.
   *
   * @throws WireFormatException if the bytes are not a deflate stream of exactly that length
   */
  public void inflate(byte[] src, int off, int len, byte[] dst, int dstOff, int rawLength)
      throws WireFormatException {
    inflater.reset();
    inflater.setInput(src, off, len);
    int n = 0;
    try {
      while (n < rawLength) {
        int k = inflater.inflate(dst, dstOff + n, rawLength - n);
        if (k == 0) {
          break; // finished, starved or asking for a dictionary: judged below
        }
        n += k;
      }
      if (n == rawLength && !inflater.finished()) {
        // A valid stream of exactly rawLength bytes ends here; probe for more output.
        if (inflater.inflate(probe) != 0 || !inflater.finished()) {
          throw ChunkHeader.malformed(
              "deflated chunk inflates past its declared %d bytes".formatted(rawLength));
        }
      }
    } catch (DataFormatException e) {
      throw ChunkHeader.malformed("deflated chunk is corrupt: " + e.getMessage());
    }
    if (n != rawLength || inflater.getRemaining() != 0) {
      throw ChunkHeader.malformed(
          "deflated chunk inflates to %d bytes with %d input left, declared %d"
              .formatted(n, inflater.getRemaining(), rawLength));
    }
  }

  private long produced;

  /** Starts inflating one chunk fed in pieces ({@link #feed}, then {@link #end}). */
  public void begin() {
    inflater.reset();
    produced = 0;
  }

  /**
   * Inflates the next piece of the chunk (all of {@code src}'s remaining bytes, consumed) through
   * {@code window} into {@code checksum}.
   *
   * @throws WireFormatException if it is corrupt, goes past {@code rawLength} or past its end
   */
  public void feed(Checksum checksum, ByteBuffer src, int rawLength, ByteBuffer window)
      throws WireFormatException {
    if (inflater.finished()) {
      throw ChunkHeader.malformed("bytes after the end of a deflated chunk");
    }
    inflater.setInput(src);
    try {
      while (true) {
        window.clear();
        int k = inflater.inflate(window);
        if (k == 0) {
          break; // starved, finished or asking for a dictionary: judged below and in end()
        }
        produced += k;
        if (produced > rawLength) {
          throw ChunkHeader.malformed(
              "deflated chunk inflates past its declared %d bytes".formatted(rawLength));
        }
        checksum.update(window.flip());
      }
    } catch (DataFormatException e) {
      throw ChunkHeader.malformed("deflated chunk is corrupt: " + e.getMessage());
    }
    if (inflater.needsDictionary()) {
      throw ChunkHeader.malformed("deflated chunk asks for a preset dictionary");
    }
    if (inflater.finished() && inflater.getRemaining() != 0) {
      throw ChunkHeader.malformed("bytes after the end of a deflated chunk");
    }
  }

  /** Checks that the chunk fed since {@link #begin} ended exactly at {@code rawLength} bytes. */
  public void end(int rawLength) throws WireFormatException {
    if (!inflater.finished() || produced != rawLength) {
      throw ChunkHeader.malformed(
          "deflated chunk inflates to %d bytes%s, declared %d"
              .formatted(produced, inflater.finished() ? "" : " and is unfinished", rawLength));
    }
  }

  @Override
  public void close() {
    inflater.end();
  }
}
