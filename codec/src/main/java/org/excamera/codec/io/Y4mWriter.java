package org.excamera.codec.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a YUV4MPEG2 stream: the header line ({@link Y4mHeader#toLine()}; {@link Y4mHeader#i420}
 * gives a minimal valid one), then per frame a bare {@code FRAME} line and the Y, U, V samples.
 * Every frame must have the header's size.
 */
public final class Y4mWriter implements AutoCloseable {
  private static final byte[] FRAME_LINE = "FRAME\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final Y4mHeader header;
  private long framesWritten;

  /** Writes the header to {@code out}; closing the writer closes the stream. */
  public Y4mWriter(OutputStream out, Y4mHeader header) throws IOException {
    this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
    this.header = header;
    this.out.write((header.toLine() + "\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Creates (or truncates) {@code file} and writes the header. */
  public static Y4mWriter create(Path file, Y4mHeader header) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    try {
      return new Y4mWriter(out, header);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** The header written. */
  public Y4mHeader header() {
    return header;
  }

  /** Appends one frame; it must have the header's width and height. */
  public void write(RawFrame frame) throws IOException {
    if (frame.width() != header.width() || frame.height() != header.height()) {
      throw new IllegalArgumentException(
          "frame %d is %dx%d, the stream is %dx%d"
              .formatted(
                  framesWritten, frame.width(), frame.height(), header.width(), header.height()));
    }
    out.write(FRAME_LINE);
    frame.writeTo(out);
    framesWritten++;
  }

  /** How many frames have been written. */
  public long framesWritten() {
    return framesWritten;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
