package org.excamera.codec.io;

import java.nio.charset.StandardCharsets;

/**
 * The 32-byte IVF file header, all fields little-endian: "DKIF", version (u16), header length
 * (u16), fourcc, width (u16), height (u16), rate (u32), scale (u32), frame count (u32), unused
 * (u32). The frame rate is {@code rate / scale} frames per second and timestamps count units of
 * {@code scale / rate} seconds (vpxenc writes its timebase denominator as rate, numerator as
 * scale). The frame count counts IVF records, hidden frames included; readers do not trust it.
 *
 * @param version the format version, 0 in every file vpxenc writes
 * @param headerLength bytes before the first record, at least 32
 * @param fourcc the codec tag, four ISO-8859-1 characters ("VP80" for VP8)
 * @param width the coded width in pixels, 0..65535
 * @param height the coded height in pixels, 0..65535
 * @param rate frame-rate numerator (u32)
 * @param scale frame-rate denominator (u32)
 * @param frameCount number of records (u32) as declared
 * @param unused the last u32, kept so a header round-trips
 */
public record IvfHeader(
    int version,
    int headerLength,
    String fourcc,
    int width,
    int height,
    long rate,
    long scale,
    long frameCount,
    long unused) {

  /** Size of the header as written; longer headers (a larger header length) are skipped. */
  public static final int SIZE = 32;

  /** The fourcc of VP8 streams. */
  public static final String VP8_FOURCC = "VP80";

  static final String SIGNATURE = "DKIF";
  static final int FRAME_COUNT_OFFSET = 24;

  public IvfHeader {
    requireRange("version", version, 0xFFFF);
    if (headerLength < SIZE || headerLength > 0xFFFF) {
      throw new IllegalArgumentException("IVF header length must be 32..65535: " + headerLength);
    }
    if (fourcc.length() != 4 || !fourcc.chars().allMatch(c -> c <= 0xFF)) {
      throw new IllegalArgumentException("IVF fourcc must be 4 ISO-8859-1 characters: " + fourcc);
    }
    requireRange("width", width, 0xFFFF);
    requireRange("height", height, 0xFFFF);
    requireRange("rate", rate, 0xFFFF_FFFFL);
    requireRange("scale", scale, 0xFFFF_FFFFL);
    requireRange("frame count", frameCount, 0xFFFF_FFFFL);
    requireRange("unused", unused, 0xFFFF_FFFFL);
  }

  /** A version-0 VP8 header with the given size, frame rate {@code rate/scale} and frame count. */
  public static IvfHeader vp8(int width, int height, long rate, long scale, long frameCount) {
    return new IvfHeader(0, SIZE, VP8_FOURCC, width, height, rate, scale, frameCount, 0);
  }

  /** This header with another frame count. */
  public IvfHeader withFrameCount(long count) {
    return new IvfHeader(version, headerLength, fourcc, width, height, rate, scale, count, unused);
  }

  /** The 32 header bytes. A header length above 32 is written as is; callers pad after it. */
  public byte[] toBytes() {
    byte[] b = new byte[SIZE];
    System.arraycopy(SIGNATURE.getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 4);
    LittleEndian.putU16(b, 4, version);
    LittleEndian.putU16(b, 6, headerLength);
    System.arraycopy(fourcc.getBytes(StandardCharsets.ISO_8859_1), 0, b, 8, 4);
    LittleEndian.putU16(b, 12, width);
    LittleEndian.putU16(b, 14, height);
    LittleEndian.putU32(b, 16, rate);
    LittleEndian.putU32(b, 20, scale);
    LittleEndian.putU32(b, FRAME_COUNT_OFFSET, frameCount);
    LittleEndian.putU32(b, 28, unused);
    return b;
  }

  /** Parses the first 32 bytes of {@code b}; a wrong signature or header length is an error. */
  public static IvfHeader parse(byte[] b) {
    if (b.length < SIZE) {
      throw new IvfFormatException(
          "IVF header: %d bytes, need %d (file truncated)".formatted(b.length, SIZE));
    }
    String signature = new String(b, 0, 4, StandardCharsets.ISO_8859_1);
    if (!signature.equals(SIGNATURE)) {
      throw new IvfFormatException(
          "IVF header at byte offset 0: signature %s, expected DKIF"
              .formatted("\"" + Printable.abbreviate(signature) + "\""));
    }
    int headerLength = LittleEndian.u16(b, 6);
    if (headerLength < SIZE) {
      throw new IvfFormatException(
          "IVF header at byte offset 6: header length %d, must be at least %d"
              .formatted(headerLength, SIZE));
    }
    return new IvfHeader(
        LittleEndian.u16(b, 4),
        headerLength,
        new String(b, 8, 4, StandardCharsets.ISO_8859_1),
        LittleEndian.u16(b, 12),
        LittleEndian.u16(b, 14),
        LittleEndian.u32(b, 16),
        LittleEndian.u32(b, 20),
        LittleEndian.u32(b, FRAME_COUNT_OFFSET),
        LittleEndian.u32(b, 28));
  }

  private static void requireRange(String name, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException("IVF %s must be 0..%d: %d".formatted(name, max, value));
    }
  }
}
