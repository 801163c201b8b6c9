package org.excamera.codec.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One IVF record: a 64-bit presentation timestamp (in units of {@code scale/rate} seconds, see
 * {@link IvfHeader}) and the compressed frame. Immutable: the constructor and {@link #data()} copy;
 * {@link #buffer()} is a read-only view without a copy. Equal when timestamp and bytes are equal.
 */
public final class IvfFrame {
  private final long pts;
  private final byte[] data;

  public IvfFrame(long pts, byte[] data) {
    this(data.clone(), pts);
  }

  private IvfFrame(byte[] owned, long pts) {
    this.pts = pts;
    this.data = owned;
  }

  /** Adopts {@code data} without a copy; only for arrays nobody else holds. */
  static IvfFrame adopt(long pts, byte[] data) {
    return new IvfFrame(data, pts);
  }

  /** The presentation timestamp. */
  public long pts() {
    return pts;
  }

  /** The frame's size in bytes. */
  public int size() {
    return data.length;
  }

  /** A copy of the frame's bytes. */
  public byte[] data() {
    return data.clone();
  }

  /** A read-only view of the frame's bytes (position 0, limit {@link #size()}); no copy. */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IvfFrame f && f.pts == pts && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(pts) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "IvfFrame[pts=%d, %d bytes]".formatted(pts, data.length);
  }
}
