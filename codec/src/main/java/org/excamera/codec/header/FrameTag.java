package org.excamera.codec.header;

import org.excamera.codec.CorruptFrameException;

/**
 * The 3-byte uncompressed frame tag (RFC 6386 §9.1): key frame flag (0 = key frame), version,
 * show_frame and the size of the first partition.
 */
public record FrameTag(boolean keyFrame, int version, boolean showFrame, int firstPartSize) {
  /** Size in bytes. */
  public static final int SIZE = 3;

  public FrameTag {
    if (version < 0 || version > 7 || firstPartSize < 0 || firstPartSize >= 1 << 19) {
      throw new IllegalArgumentException(
          "frame tag out of range: version %d, first partition %d bytes"
              .formatted(version, firstPartSize));
    }
  }

  /** Reads the tag at {@code data[offset]}; {@code length} bytes are available. */
  public static FrameTag read(byte[] data, int offset, int length) {
    if (length < SIZE) {
      throw new CorruptFrameException(
          "frame of %d bytes is too short for a frame tag".formatted(length));
    }
    int raw =
        (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
    return new FrameTag((raw & 1) == 0, (raw >> 1) & 7, ((raw >> 4) & 1) == 1, raw >>> 5);
  }

  /** Writes the tag into {@code data[offset..offset+3)}. */
  public void write(byte[] data, int offset) {
    int raw = (keyFrame ? 0 : 1) | version << 1 | (showFrame ? 1 : 0) << 4 | firstPartSize << 5;
    data[offset] = (byte) raw;
    data[offset + 1] = (byte) (raw >> 8);
    data[offset + 2] = (byte) (raw >> 16);
  }

  /** The same tag with another first-partition size. */
  public FrameTag withFirstPartSize(int size) {
    return new FrameTag(keyFrame, version, showFrame, size);
  }

  /** The same tag with another show_frame flag. */
  public FrameTag withShowFrame(boolean show) {
    return new FrameTag(keyFrame, version, show, firstPartSize);
  }
}
