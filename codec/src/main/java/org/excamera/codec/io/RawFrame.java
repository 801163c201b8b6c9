package org.excamera.codec.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One raw 8-bit 4:2:0 (I420) picture: a luma plane of {@code width × height} samples and two chroma
 * planes of {@code chromaWidth × chromaHeight} = {@code ((width+1)/2) × ((height+1)/2)} samples,
 * each tightly packed row by row (stride = plane width).
 *
 * <p>Immutable. Nothing hands out the internal arrays: read single samples with {@link #y(int,
 * int)}, {@link #u(int, int)}, {@link #v(int, int)} (unsigned 0..255, no bounds clamping), whole
 * planes without copying through the read-only views {@link #yView()} etc. (absolute {@code
 * get(index)} is as cheap as an array access after JIT), or as fresh arrays with {@link #copyY()}
 * etc. Equal when the size and every sample are equal.
 */
public final class RawFrame {
  private final int width;
  private final int height;
  private final byte[] y;
  private final byte[] u;
  private final byte[] v;

  /** Copies the three planes; each must have exactly its plane's size. */
  public RawFrame(int width, int height, byte[] y, byte[] u, byte[] v) {
    this(y.clone(), u.clone(), v.clone(), width, height);
  }

  private RawFrame(byte[] y, byte[] u, byte[] v, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "frame size must be positive: %dx%d".formatted(width, height));
    }
    long lumaSize = (long) width * height;
    long chromaSize = (long) chromaSize(width) * chromaSize(height);
    if (y.length != lumaSize || u.length != chromaSize || v.length != chromaSize) {
      throw new IllegalArgumentException(
          "plane sizes %d/%d/%d do not fit %dx%d (need %d/%d/%d)"
              .formatted(
                  y.length, u.length, v.length, width, height, lumaSize, chromaSize, chromaSize));
    }
    this.width = width;
    this.height = height;
    this.y = y;
    this.u = u;
    this.v = v;
  }

  /** Adopts the arrays without copying; only for arrays nobody else holds. */
  static RawFrame adopt(int width, int height, byte[] y, byte[] u, byte[] v) {
    return new RawFrame(y, u, v, width, height);
  }

  /** Splits {@code i420} (Y, then U, then V, tightly packed) into a frame; copies. */
  public static RawFrame fromI420(int width, int height, byte[] i420) {
    long expected = i420Size(width, height);
    if (width <= 0 || height <= 0 || i420.length != expected) {
      throw new IllegalArgumentException(
          "%d bytes is not an I420 frame of %dx%d (need %d)"
              .formatted(i420.length, width, height, expected));
    }
    int luma = width * height;
    int chroma = chromaSize(width) * chromaSize(height);
    return adopt(
        width,
        height,
        Arrays.copyOfRange(i420, 0, luma),
        Arrays.copyOfRange(i420, luma, luma + chroma),
        Arrays.copyOfRange(i420, luma + chroma, luma + 2 * chroma));
  }

  /** A frame of one colour. */
  public static RawFrame filled(int width, int height, int luma, int cb, int cr) {
    int chroma = chromaSize(width) * chromaSize(height);
    byte[] y = new byte[Math.multiplyExact(width, height)];
    byte[] u = new byte[chroma];
    byte[] v = new byte[chroma];
    Arrays.fill(y, (byte) luma);
    Arrays.fill(u, (byte) cb);
    Arrays.fill(v, (byte) cr);
    return adopt(width, height, y, u, v);
  }

  /** Bytes of one I420 frame of this size: {@code w·h + 2·((w+1)/2)·((h+1)/2)}. */
  public static long i420Size(int width, int height) {
    return (long) width * height + 2L * chromaSize(width) * chromaSize(height);
  }

  /** Chroma samples along a luma dimension of {@code n} samples: {@code (n+1)/2}. */
  public static int chromaSize(int n) {
    return (n + 1) / 2;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int chromaWidth() {
    return chromaSize(width);
  }

  public int chromaHeight() {
    return chromaSize(height);
  }

  /** Luma sample at column {@code x}, row {@code row}, 0..255. */
  public int y(int x, int row) {
    return y[row * width + x] & 0xFF;
  }

  /** Cb sample at chroma column {@code x}, chroma row {@code row}, 0..255. */
  public int u(int x, int row) {
    return u[row * chromaWidth() + x] & 0xFF;
  }

  /** Cr sample at chroma column {@code x}, chroma row {@code row}, 0..255. */
  public int v(int x, int row) {
    return v[row * chromaWidth() + x] & 0xFF;
  }

  /** A read-only view of the luma plane (index = row·width + x); no copy. */
  public ByteBuffer yView() {
    return ByteBuffer.wrap(y).asReadOnlyBuffer();
  }

  /** A read-only view of the Cb plane (index = row·chromaWidth + x); no copy. */
  public ByteBuffer uView() {
    return ByteBuffer.wrap(u).asReadOnlyBuffer();
  }

  /** A read-only view of the Cr plane (index = row·chromaWidth + x); no copy. */
  public ByteBuffer vView() {
    return ByteBuffer.wrap(v).asReadOnlyBuffer();
  }

  public byte[] copyY() {
    return y.clone();
  }

  public byte[] copyU() {
    return u.clone();
  }

  public byte[] copyV() {
    return v.clone();
  }

  /**
   * The frame as I420 bytes: Y, U, V, tightly packed (the layout of Y4M frames and vpxdec --i420).
   */
  public byte[] toI420() {
    byte[] out = new byte[y.length + u.length + v.length];
    System.arraycopy(y, 0, out, 0, y.length);
    System.arraycopy(u, 0, out, y.length, u.length);
    System.arraycopy(v, 0, out, y.length + u.length, v.length);
    return out;
  }

  /** Writes Y, U and V to {@code out} (for writers in this package: no copy). */
  void writeTo(OutputStream out) throws IOException {
    out.write(y);
    out.write(u);
    out.write(v);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RawFrame f
        && f.width == width
        && f.height == height
        && Arrays.equals(f.y, y)
        && Arrays.equals(f.u, u)
        && Arrays.equals(f.v, v);
  }

  @Override
  public int hashCode() {
    int h = width * 31 + height;
    h = h * 31 + Arrays.hashCode(y);
    h = h * 31 + Arrays.hashCode(u);
    return h * 31 + Arrays.hashCode(v);
  }

  @Override
  public String toString() {
    return "RawFrame[%dx%d]".formatted(width, height);
  }
}
