package org.excamera.codec;

import java.util.Arrays;

/**
 * One compressed VP8 frame (the payload of an IVF record), immutable: the bytes are copied in and
 * copied out.
 */
public final class CompressedFrame {
  private final byte[] data;

  private CompressedFrame(byte[] data) {
    this.data = data;
  }

  /** A frame holding a copy of {@code data}. */
  public static CompressedFrame of(byte[] data) {
    return new CompressedFrame(data.clone());
  }

  /** A frame holding a copy of {@code data[offset .. offset+length)}. */
  public static CompressedFrame of(byte[] data, int offset, int length) {
    return new CompressedFrame(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** Size in bytes. */
  public int length() {
    return data.length;
  }

  /** The bytes (a copy). */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** The backing array, for the decoder in this package only. */
  byte[] data() {
    return data;
  }

  /** Whether this is a key frame (bit 0 of the tag is 0); false for frames shorter than a tag. */
  public boolean isKeyFrame() {
    return data.length >= 3 && (data[0] & 1) == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompressedFrame f && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CompressedFrame[" + data.length + " bytes" + (isKeyFrame() ? ", key" : "") + "]";
  }
}
