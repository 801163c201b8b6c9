package org.excamera.codec.recon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.excamera.codec.picture.Plane;
import org.excamera.codec.tables.FilterTaps;

/**
 * Inter prediction of one block from a reference plane (RFC 6386 §18): the whole-pixel part of the
 * motion vector selects the source block, the eighth-pel fraction (x and y, 0..7) selects the
 * six-tap or bilinear filter. Two-dimensional filtering runs horizontally first over the rows the
 * vertical pass needs, rounding and clamping to 8 bits in between, as libvpx does; a pass whose
 * fraction is 0 is the identity and is skipped. The reference is treated as infinitely extended by
 * edge replication: blocks within the plane's border read it directly, blocks reaching beyond it
 * read from an edge-emulated copy. Scratch buffers make an instance single-threaded.
 */
public final class InterPredictor {
  private static final int[] BILINEAR = FilterTaps.bilinearFilters();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX = 16;

  private final int[] tmp = new int[MAX * (MAX + 5)];
  private final byte[] firstPass = new byte[MAX * (MAX + 5)];
  private final byte[] emulated = new byte[(MAX + 5) * (MAX + 5)];

  /**
   * Predicts the {@code w} x {@code h} block at (x, y) of {@code ref}, displaced by the motion
   * vector (eighth pixels of this plane), into {@code dst} at {@code dstOff}.
   */
  public void predict(
      Plane ref,
      int x,
      int y,
      int mvRow,
      int mvCol,
      int w,
      int h,
      boolean bilinear,
      byte[] dst,
      int dstOff,
      int dstStride) {
    int px = x + (mvCol >> 3);
    int py = y + (mvRow >> 3);
    int mx = mvCol & 7;
    int my = mvRow & 7;
    byte[] src = ref.samplesUnsafe();
    int stride = ref.stride();
    int border = ref.border();
    int off;
    if (px - 2 >= -border
        && py - 2 >= -border
        && px + w + 3 <= ref.width() + border
        && py + h + 3 <= ref.height() + border) {
      off = ref.origin() + py * stride + px;
    } else {
      emulate(ref, px - 2, py - 2, w + 5, h + 5);
      src = emulated;
      stride = w + 5;
      off = 2 * stride + 2;
    }
    if ((mx | my) == 0) {
      copy(src, off, stride, dst, dstOff, dstStride, w, h);
    } else if (bilinear) {
      bilinear(src, off, stride, mx, my, w, h, dst, dstOff, dstStride);
    } else {
      SixTapFilter.predict(src, off, stride, mx, my, w, h, firstPass, dst, dstOff, dstStride);
    }
  }

  /**
   * Copies a whole-pixel block; rows of 8 and 16 as 64-bit moves, which beat arraycopy on rows this
   * short.
   */
  static void copy(
      byte[] src, int off, int stride, byte[] dst, int dstOff, int dstStride, int w, int h) {
    for (int r = 0; r < h; r++, off += stride, dstOff += dstStride) {
      switch (w) {
        case 16 -> {
          LONGS.set(dst, dstOff, (long) LONGS.get(src, off));
          LONGS.set(dst, dstOff + 8, (long) LONGS.get(src, off + 8));
        }
        case 8 -> LONGS.set(dst, dstOff, (long) LONGS.get(src, off));
        default -> System.arraycopy(src, off, dst, dstOff, w);
      }
    }
  }

  /** Copies a block of the infinitely extended plane, top-left (x0, y0), into the scratch. */
  private void emulate(Plane ref, int x0, int y0, int w, int h) {
    byte[] src = ref.samplesUnsafe();
    int stride = ref.stride();
    int origin = ref.origin();
    int maxX = ref.width() - 1;
    int maxY = ref.height() - 1;
    for (int r = 0; r < h; r++) {
      int sy = Math.min(Math.max(y0 + r, 0), maxY);
      int row = origin + sy * stride;
      for (int c = 0; c < w; c++) {
        int sx = Math.min(Math.max(x0 + c, 0), maxX);
        emulated[r * w + c] = src[row + sx];
      }
    }
  }

  private void bilinear(
      byte[] src,
      int off,
      int stride,
      int mx,
      int my,
      int w,
      int h,
      byte[] dst,
      int dstOff,
      int dstStride) {
    int h0 = BILINEAR[mx * 2];
    int h1 = BILINEAR[mx * 2 + 1];
    int v0 = BILINEAR[my * 2];
    int v1 = BILINEAR[my * 2 + 1];
    if (my == 0) {
      for (int r = 0; r < h; r++) {
        int s = off + r * stride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++, s++) {
          dst[d + c] = (byte) (((src[s] & 0xFF) * h0 + (src[s + 1] & 0xFF) * h1 + 64) >> 7);
        }
      }
      return;
    }
    if (mx == 0) {
      for (int r = 0; r < h; r++) {
        int s = off + r * stride;
        int d = dstOff + r * dstStride;
        for (int c = 0; c < w; c++, s++) {
          dst[d + c] = (byte) (((src[s] & 0xFF) * v0 + (src[s + stride] & 0xFF) * v1 + 64) >> 7);
        }
      }
      return;
    }
    int[] t = tmp;
    for (int r = 0; r < h + 1; r++) {
      int s = off + r * stride;
      int o = r * w;
      for (int c = 0; c < w; c++, s++) {
        t[o + c] = ((src[s] & 0xFF) * h0 + (src[s + 1] & 0xFF) * h1 + 64) >> 7;
      }
    }
    for (int r = 0; r < h; r++) {
      int s = r * w;
      int d = dstOff + r * dstStride;
      for (int c = 0; c < w; c++, s++) {
        dst[d + c] = (byte) ((t[s] * v0 + t[s + w] * v1 + 64) >> 7);
      }
    }
  }
}
