package org.excamera.codec.header;

import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.picture.Dimensions;

/**
 * The 7 uncompressed bytes after a key frame's tag (RFC 6386 §9.1): the start code 9d 01 2a, then
 * 14-bit width and height each with a 2-bit scale. The scale is reported, not applied (as libvpx).
 * Interframes carry {@link #NONE}.
 */
public record KeyFrameStart(int width, int horizontalScale, int height, int verticalScale) {
  /** Size in bytes. */
  public static final int SIZE = 7;

  /** Interframes have no start code. */
  public static final KeyFrameStart NONE = new KeyFrameStart(0, 0, 0, 0);

  public KeyFrameStart {
    if (width < 0
        || width > Dimensions.MAX
        || height < 0
        || height > Dimensions.MAX
        || horizontalScale < 0
        || horizontalScale > 3
        || verticalScale < 0
        || verticalScale > 3) {
      throw new IllegalArgumentException(
          "key frame start out of range: %dx%d scale %d/%d"
              .formatted(width, height, horizontalScale, verticalScale));
    }
  }

  /** A key frame start for the given size, unscaled. */
  public static KeyFrameStart of(Dimensions d) {
    return new KeyFrameStart(d.width(), 0, d.height(), 0);
  }

  /** The coded size. */
  public Dimensions dimensions() {
    return new Dimensions(width, height);
  }

  /** Reads the 7 bytes at {@code data[offset]}; {@code length} bytes are available. */
  public static KeyFrameStart read(byte[] data, int offset, int length) {
    if (length < SIZE) {
      throw new CorruptFrameException(
          "key frame of %d bytes is too short for its start code and size"
              .formatted(length + FrameTag.SIZE));
    }
    if ((data[offset] & 0xFF) != 0x9d
        || (data[offset + 1] & 0xFF) != 0x01
        || (data[offset + 2] & 0xFF) != 0x2a) {
      throw new CorruptFrameException(
          "key frame start code is %02x %02x %02x, expected 9d 01 2a"
              .formatted(data[offset] & 0xFF, data[offset + 1] & 0xFF, data[offset + 2] & 0xFF));
    }
    int w = (data[offset + 3] & 0xFF) | (data[offset + 4] & 0xFF) << 8;
    int h = (data[offset + 5] & 0xFF) | (data[offset + 6] & 0xFF) << 8;
    if ((w & 0x3fff) == 0 || (h & 0x3fff) == 0) {
      throw new CorruptFrameException(
          "key frame declares an empty picture: %dx%d".formatted(w & 0x3fff, h & 0x3fff));
    }
    return new KeyFrameStart(w & 0x3fff, w >> 14, h & 0x3fff, h >> 14);
  }

  /** Writes the 7 bytes into {@code data[offset..offset+7)}. */
  public void write(byte[] data, int offset) {
    int w = width | horizontalScale << 14;
    int h = height | verticalScale << 14;
    data[offset] = (byte) 0x9d;
    data[offset + 1] = 0x01;
    data[offset + 2] = 0x2a;
    data[offset + 3] = (byte) w;
    data[offset + 4] = (byte) (w >> 8);
    data[offset + 5] = (byte) h;
    data[offset + 6] = (byte) (h >> 8);
  }
}
