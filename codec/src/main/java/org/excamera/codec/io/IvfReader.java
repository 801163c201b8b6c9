package org.excamera.codec.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an IVF file one record at a time. The header is read and checked by the constructor; each
 * {@link #next()} reads one record (u32 payload size, u64 timestamp, payload). A declared size
 * above the limit is rejected before anything is allocated; a file that ends inside the header or a
 * record is an {@link IvfFormatException}, never a silently short frame. The header's frame count
 * is reported as declared, not enforced (concatenated files often carry a stale count).
 */
public final class IvfReader implements AutoCloseable {
  /** Default limit on one record's payload: 64 MiB, far above any real VP8 frame. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 64 << 20;

  private static final int RECORD_HEADER_SIZE = 12;

  private final InputStream in;
  private final IvfHeader header;
  private final int maxFrameBytes;
  private final byte[] recordHeader = new byte[RECORD_HEADER_SIZE];
  private long offset;
  private long recordIndex;

  /** Reads the header from {@code in} with the default frame-size limit. */
  public IvfReader(InputStream in) throws IOException {
    this(in, DEFAULT_MAX_FRAME_BYTES);
  }

  /** Reads the header from {@code in}; records larger than {@code maxFrameBytes} are an error. */
  public IvfReader(InputStream in, int maxFrameBytes) throws IOException {
    if (maxFrameBytes < 0) {
      throw new IllegalArgumentException("frame size limit must be non-negative: " + maxFrameBytes);
    }
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    this.maxFrameBytes = maxFrameBytes;
    byte[] fixed = this.in.readNBytes(IvfHeader.SIZE);
    this.header = IvfHeader.parse(fixed);
    long extra = header.headerLength() - IvfHeader.SIZE;
    if (skip(this.in, extra) != extra) {
      throw new IvfFormatException(
          "IVF header declares length %d but the file ends first".formatted(header.headerLength()));
    }
    this.offset = header.headerLength();
  }

  /** Opens {@code file} and reads its header. */
  public static IvfReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new IvfReader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Every record of {@code file}, in order. */
  public static List<IvfFrame> readAll(Path file) throws IOException {
    try (IvfReader reader = open(file)) {
      List<IvfFrame> frames = new ArrayList<>();
      for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
        frames.add(f.get());
      }
      return List.copyOf(frames);
    }
  }

  /** The file header. */
  public IvfHeader header() {
    return header;
  }

  /** How many records {@link #next()} has returned. */
  public long recordsRead() {
    return recordIndex;
  }

  /** The next record, or empty at the end of the file. */
  public Optional<IvfFrame> next() throws IOException {
    int got = in.readNBytes(recordHeader, 0, RECORD_HEADER_SIZE);
    if (got == 0) {
      return Optional.empty();
    }
    if (got < RECORD_HEADER_SIZE) {
      throw new IvfFormatException(
          "IVF record %d at byte offset %d: record header truncated (%d of %d bytes)"
              .formatted(recordIndex, offset, got, RECORD_HEADER_SIZE));
    }
    long size = LittleEndian.u32(recordHeader, 0);
    long pts = LittleEndian.s64(recordHeader, 4);
    if (size > maxFrameBytes) {
      throw new IvfFormatException(
          "IVF record %d at byte offset %d: frame size %d exceeds the limit of %d bytes"
              .formatted(recordIndex, offset, size, maxFrameBytes));
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new IvfFormatException(
          "IVF record %d at byte offset %d: frame truncated (%d of %d bytes)"
              .formatted(recordIndex, offset, data.length, size));
    }
    offset += RECORD_HEADER_SIZE + size;
    recordIndex++;
    return Optional.of(IvfFrame.adopt(pts, data));
  }

  private static long skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          break;
        }
        skipped = 1;
      }
      left -= skipped;
    }
    return n - left;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
