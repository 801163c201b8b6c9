package org.excamera.codec.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an IVF file record by record. On a seekable sink (a file, a {@link SeekableByteChannel})
 * {@link #close()} rewrites the header's frame count to the number of records written, whatever the
 * header said. On a plain {@link OutputStream} the header is written once, up front, with the frame
 * count as given: pass the right count or accept a stale one (vpxdec ignores it).
 */
public final class IvfWriter implements AutoCloseable {
  private static final int RECORD_HEADER_SIZE = 12;

  private final WritableByteChannel out;
  private final IvfHeader header;
  private final long headerPosition;
  private final boolean seekable;
  private final byte[] recordHeader = new byte[RECORD_HEADER_SIZE];
  private long framesWritten;
  private boolean closed;

  private IvfWriter(
      WritableByteChannel out, IvfHeader header, long headerPosition, boolean seekable)
      throws IOException {
    this.out = out;
    this.header = header;
    this.headerPosition = headerPosition;
    this.seekable = seekable;
    writeFully(ByteBuffer.wrap(header.toBytes()));
    writeFully(ByteBuffer.allocate(header.headerLength() - IvfHeader.SIZE));
  }

  /** Creates (or truncates) {@code file}; the frame count is fixed up on close. */
  public static IvfWriter create(Path file, IvfHeader header) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    try {
      return new IvfWriter(channel, header, 0, true);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes to {@code channel} from its current position; the frame count is fixed up on close.
   * Closing the writer closes the channel.
   */
  public static IvfWriter to(SeekableByteChannel channel, IvfHeader header) throws IOException {
    return new IvfWriter(channel, header, channel.position(), true);
  }

  /**
   * Writes to {@code out}; the header's frame count is written as given and never fixed up. Closing
   * the writer closes the stream.
   */
  public static IvfWriter to(OutputStream out, IvfHeader header) throws IOException {
    return new IvfWriter(Channels.newChannel(out), header, 0, false);
  }

  /** Appends one record. */
  public void write(long pts, byte[] data) throws IOException {
    writeRecord(pts, ByteBuffer.wrap(data));
  }

  /** Appends one record. */
  public void write(IvfFrame frame) throws IOException {
    writeRecord(frame.pts(), frame.buffer());
  }

  /** How many records have been written. */
  public long framesWritten() {
    return framesWritten;
  }

  private void writeRecord(long pts, ByteBuffer payload) throws IOException {
    if (closed) {
      throw new IllegalStateException("IVF writer is closed");
    }
    if (framesWritten == 0xFFFF_FFFFL) {
      throw new IllegalStateException("IVF frame count would exceed 2^32 - 1");
    }
    LittleEndian.putU32(recordHeader, 0, payload.remaining());
    LittleEndian.putS64(recordHeader, 4, pts);
    writeFully(ByteBuffer.wrap(recordHeader));
    writeFully(payload);
    framesWritten++;
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Fixes up the frame count (seekable sinks only) and closes the sink. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (WritableByteChannel sink = out) {
      if (seekable && framesWritten != header.frameCount()) {
        SeekableByteChannel channel = (SeekableByteChannel) sink;
        long end = channel.position();
        byte[] count = new byte[4];
        LittleEndian.putU32(count, 0, framesWritten);
        channel.position(headerPosition + IvfHeader.FRAME_COUNT_OFFSET);
        writeFully(ByteBuffer.wrap(count));
        channel.position(end);
      }
    }
  }
}
