package org.excamera.codec.recon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link InverseTransform#dcOnlyAdd} for two 4x4 blocks side by side (RFC 6386 §14.3, the inverse
 * DCT of a block whose only coefficient is its DC), eight pixels of a row at a time; bit-exact with
 * the scalar kernel, which stays the reference.
 *
 * <p>Layout: a row's eight pixels are read as one little-endian {@code long} and split into the
 * even and the odd pixels, four 16-bit lanes each, and each lane gets {@code 0x8000 + pixel + a}
 * with {@code a = (dc + 4) >> 3} in -4096..4095 of its block: 28672..37118, so no lane carries or
 * borrows. When every lane is within 0x8000..0x80FF (no clamping, the usual case) its low byte is
 * the result; otherwise the lanes are clamped one by one.
 */
final class PackedDcAdd {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LANES = 0x00FF_00FF_00FF_00FFL;
  private static final long HIGH_BYTES = 0xFF00_FF00_FF00_FF00L;
  private static final long IN_RANGE = 0x8000_8000_8000_8000L;

  private PackedDcAdd() {}

  /**
   * Adds the DC-only inverse DCT of {@code leftDc} to the 4x4 block at {@code dst[off]} and that of
   * {@code rightDc} to the one at {@code dst[off + 4]}, clamping to 0..255.
   */
  static void add(byte[] dst, int off, int stride, int leftDc, int rightDc) {
    int a = ((short) leftDc + 4) >> 3;
    int b = ((short) rightDc + 4) >> 3;
    if ((a | b) == 0) {
      return;
    }
    long left = 0x8000 + a;
    long right = 0x8000 + b;
    // Lanes 0 and 1 of each half hold pixels of the left block, lanes 2 and 3 the right one.
    long k = left | left << 16 | right << 32 | right << 48;
    for (int r = 0; r < 4; r++, off += stride) {
      long x = (long) LONGS.get(dst, off);
      long even = (x & LANES) + k;
      long odd = ((x >>> 8) & LANES) + k;
      if ((even & HIGH_BYTES) == IN_RANGE && (odd & HIGH_BYTES) == IN_RANGE) {
        LONGS.set(dst, off, (even & LANES) | (odd & LANES) << 8);
      } else {
        LONGS.set(dst, off, clamped(even) | clamped(odd) << 8);
      }
    }
  }

  /** Each lane's {@code value - 0x8000} clamped to 0..255. */
  private static long clamped(long lanes) {
    long out = 0;
    for (int shift = 0; shift < 64; shift += 16) {
      int v = (int) ((lanes >>> shift) & 0xFFFF) - 0x8000;
      out |= (long) (v < 0 ? 0 : Math.min(v, 255)) << shift;
    }
    return out;
  }
}
