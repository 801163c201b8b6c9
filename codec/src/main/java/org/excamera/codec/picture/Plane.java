package org.excamera.codec.picture;

import java.util.Arrays;

/**
 * One immutable plane of samples: a {@code width} x {@code height} coded area surrounded by a
 * {@code border} of samples replicated from its edges. Sample (x, y) of the coded area is at {@code
 * origin() + y * stride() + x} of the backing array. Equality compares the coded area only (the
 * border is a function of it).
 */
public final class Plane {
  private final int width;
  private final int height;
  private final int border;
  private final int stride;
  private final byte[] data;

  Plane(int width, int height, int border, byte[] data) {
    this.width = width;
    this.height = height;
    this.border = border;
    this.stride = width + 2 * border;
    if (data.length != stride * (height + 2 * border)) {
      throw new AssertionError("plane array has the wrong size");
    }
    this.data = data;
  }

  /** Width of the coded area. */
  public int width() {
    return width;
  }

  /** Height of the coded area. */
  public int height() {
    return height;
  }

  /** Replicated border on each side, in samples. */
  public int border() {
    return border;
  }

  /** Distance between rows in the backing array. */
  public int stride() {
    return stride;
  }

  /** Index of sample (0, 0) in the backing array. */
  public int origin() {
    return border * stride + border;
  }

  /** Sample (x, y) as 0..255; x and y may reach into the border. */
  public int sample(int x, int y) {
    return data[origin() + y * stride + x] & 0xFF;
  }

  /**
   * The backing array, handed out only so the decoder's prediction loops can read it without a
   * copy. Callers must never write to it: pictures are shared between states.
   */
  public byte[] samplesUnsafe() {
    return data;
  }

  /** Copies row {@code y} of the coded area, {@code length} samples from x = 0, into dst. */
  public void copyRow(int y, byte[] dst, int dstOffset, int length) {
    System.arraycopy(data, origin() + y * stride, dst, dstOffset, length);
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Plane p) || p.width != width || p.height != height) {
      return false;
    }
    int a = origin();
    int b = p.origin();
    for (int y = 0; y < height; y++) {
      if (!Arrays.equals(data, a, a + width, p.data, b, b + width)) {
        return false;
      }
      a += stride;
      b += p.stride;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 31 * width + height;
    int a = origin();
    for (int y = 0; y < height; y += Math.max(1, height / 8)) {
      for (int x = 0; x < width; x += Math.max(1, width / 8)) {
        h = 31 * h + data[a + y * stride + x];
      }
    }
    return h;
  }
}
