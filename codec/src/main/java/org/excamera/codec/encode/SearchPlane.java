package org.excamera.codec.encode;

/**
 * A reference plane prepared for motion search: a copy with {@link #BORDER} samples of edge
 * replication on every side, so that blocks displaced up to the border (and the six-tap filter's
 * extra rows and columns) read replicated edge samples, as VP8 predicts beyond frame edges (RFC
 * 6386 §18, libvpx's extended borders). Pass the decoded plane at its macroblock-aligned size, as
 * references are. Immutable after construction.
 */
public final class SearchPlane {
  /**
   * Replicated samples on each side: libvpx's 32-sample border plus the 16 a block can overhang.
   */
  public static final int BORDER = 48;

  private final byte[] samples;
  private final int width;
  private final int height;
  private final int stride;

  private SearchPlane(byte[] samples, int width, int height, int stride) {
    this.samples = samples;
    this.width = width;
    this.height = height;
    this.stride = stride;
  }

  /**
   * Copies the {@code width × height} plane at {@code plane[offset]} (row stride {@code stride}).
   */
  public static SearchPlane of(byte[] plane, int offset, int stride, int width, int height) {
    if (width <= 0 || height <= 0 || stride < width) {
      throw new IllegalArgumentException(
          "bad plane geometry: %dx%d, stride %d".formatted(width, height, stride));
    }
    int paddedStride = width + 2 * BORDER;
    byte[] padded = new byte[paddedStride * (height + 2 * BORDER)];
    for (int y = -BORDER; y < height + BORDER; y++) {
      int src = offset + Math.max(0, Math.min(height - 1, y)) * stride;
      int dst = (y + BORDER) * paddedStride;
      byte left = plane[src];
      byte right = plane[src + width - 1];
      java.util.Arrays.fill(padded, dst, dst + BORDER, left);
      System.arraycopy(plane, src, padded, dst + BORDER, width);
      java.util.Arrays.fill(padded, dst + BORDER + width, dst + paddedStride, right);
    }
    return new SearchPlane(padded, width, height, paddedStride);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The sample at column {@code x}, row {@code y}, with edge replication everywhere. */
  public int at(int x, int y) {
    int cx = Math.max(-BORDER, Math.min(width + BORDER - 1, x));
    int cy = Math.max(-BORDER, Math.min(height + BORDER - 1, y));
    return samples[offset(cx, cy)] & 0xFF;
  }

  /** Row stride of {@link #samples()}. */
  int stride() {
    return stride;
  }

  /** The padded samples; kernels read, never write. */
  byte[] samples() {
    return samples;
  }

  /** Index in {@link #samples()} of (x, y), valid for {@code -BORDER <= x < width + BORDER}. */
  int offset(int x, int y) {
    return (y + BORDER) * stride + x + BORDER;
  }
}
