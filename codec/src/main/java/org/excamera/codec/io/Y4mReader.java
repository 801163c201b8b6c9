package org.excamera.codec.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a YUV4MPEG2 stream of 8-bit 4:2:0 frames one at a time. The constructor reads and checks
 * the header ({@link Y4mHeader#parse}); each {@link #next()} reads a {@code FRAME} line (frame
 * parameters after it are accepted and ignored) and the frame's Y, U and V samples. A file that
 * ends inside a frame, a line that is not {@code FRAME}, or a frame above the size limit is a
 * {@link Y4mFormatException} naming the frame index and byte offset.
 */
public final class Y4mReader implements AutoCloseable {
  /** Default limit on one frame's samples: 128 MiB (an 8K frame is about 50 MB). */
  public static final long DEFAULT_MAX_FRAME_BYTES = 128L << 20;

  /** Longest header or FRAME line accepted, newline excluded. */
  static final int MAX_LINE = 1 << 16;

  private static final byte[] FRAME = "FRAME".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final Y4mHeader header;
  private long offset;
  private long frameIndex;
  private boolean readingHeader = true;

  /** Reads the header from {@code in} with the default frame-size limit. */
  public Y4mReader(InputStream in) throws IOException {
    this(in, DEFAULT_MAX_FRAME_BYTES);
  }

  /** Reads the header from {@code in}; a header whose frames exceed the limit is an error. */
  public Y4mReader(InputStream in, long maxFrameBytes) throws IOException {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    byte[] line = readLine();
    if (line == null) {
      throw new Y4mFormatException("Y4M header at byte offset 0: empty file");
    }
    this.header = Y4mHeader.parse(new String(line, StandardCharsets.ISO_8859_1));
    this.readingHeader = false;
    if (header.frameBytes() > maxFrameBytes) {
      throw new Y4mFormatException(
          "Y4M header at byte offset 0: %dx%d frames need %d bytes, above the limit of %d"
              .formatted(header.width(), header.height(), header.frameBytes(), maxFrameBytes));
    }
  }

  /** Opens {@code file} and reads its header. */
  public static Y4mReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new Y4mReader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The stream header. */
  public Y4mHeader header() {
    return header;
  }

  /** How many frames {@link #next()} has returned. */
  public long framesRead() {
    return frameIndex;
  }

  /** The next frame, or empty at the end of the stream. */
  public Optional<RawFrame> next() throws IOException {
    long lineOffset = offset;
    byte[] line = readLine();
    if (line == null) {
      return Optional.empty();
    }
    if (!isFrameLine(line)) {
      throw new Y4mFormatException(
          "Y4M frame %d at byte offset %d: expected a FRAME line, found \"%s\""
              .formatted(
                  frameIndex,
                  lineOffset,
                  Printable.abbreviate(new String(line, StandardCharsets.ISO_8859_1))));
    }
    int w = header.width();
    int h = header.height();
    int chroma = RawFrame.chromaSize(w) * RawFrame.chromaSize(h);
    byte[] y = readPlane(w * h, "Y");
    byte[] u = readPlane(chroma, "U");
    byte[] v = readPlane(chroma, "V");
    frameIndex++;
    return Optional.of(RawFrame.adopt(w, h, y, u, v));
  }

  private byte[] readPlane(int size, String plane) throws IOException {
    byte[] data = in.readNBytes(size);
    if (data.length < size) {
      throw new Y4mFormatException(
          "Y4M frame %d at byte offset %d: %s plane truncated (%d of %d bytes)"
              .formatted(frameIndex, offset, plane, data.length, size));
    }
    offset += size;
    return data;
  }

  private static boolean isFrameLine(byte[] line) {
    if (line.length < FRAME.length) {
      return false;
    }
    for (int i = 0; i < FRAME.length; i++) {
      if (line[i] != FRAME[i]) {
        return false;
      }
    }
    return line.length == FRAME.length || line[FRAME.length] == ' ';
  }

  /** The next line without its newline, or null at a clean end of stream. */
  private byte @Nullable [] readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    long start = offset;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new Y4mFormatException(
            "Y4M %s at byte offset %d: line truncated by end of file after %d bytes"
                .formatted(where(), start, line.size()));
      }
      offset++;
      if (b == '\n') {
        return line.toByteArray();
      }
      if (line.size() >= MAX_LINE) {
        throw new Y4mFormatException(
            "Y4M %s at byte offset %d: line longer than %d bytes"
                .formatted(where(), start, MAX_LINE));
      }
      line.write(b);
    }
  }

  private String where() {
    return readingHeader ? "header" : "frame " + frameIndex;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
