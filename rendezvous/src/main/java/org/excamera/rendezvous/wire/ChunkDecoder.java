package org.excamera.rendezvous.wire;

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

  /**
   * Inflates {@code src[off, off + len)} piecewise through {@code window} into {@code digest},
   * checking it yields exactly {@code rawLength} bytes; memory stays at the window's size.
   */
  public void inflateInto(
      java.security.MessageDigest digest,
      byte[] src,
      int off,
      int len,
      int rawLength,
      byte[] window)
      throws WireFormatException {
    inflater.reset();
    inflater.setInput(src, off, len);
    long n = 0;
    try {
      while (true) {
        int k = inflater.inflate(window, 0, window.length);
        if (k == 0) {
          break; // finished, starved or asking for a dictionary: judged below
        }
        n += k;
        if (n > rawLength) {
          throw ChunkHeader.malformed(
              "deflated chunk inflates past its declared %d bytes".formatted(rawLength));
        }
        digest.update(window, 0, k);
      }
    } catch (DataFormatException e) {
      throw ChunkHeader.malformed("deflated chunk is corrupt: " + e.getMessage());
    }
    if (n != rawLength || !inflater.finished() || inflater.getRemaining() != 0) {
      throw ChunkHeader.malformed(
          "deflated chunk inflates to %d bytes with %d input left, declared %d"
              .formatted(n, inflater.getRemaining(), rawLength));
    }
  }

  @Override
  public void close() {
    inflater.end();
  }
}
