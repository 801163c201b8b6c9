package org.excamera.codec.io;

/** Little-endian field access for the IVF header and record headers. */
final class LittleEndian {
  private LittleEndian() {}

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int off) {
    return (u16(b, off) | (long) u16(b, off + 2) << 16) & 0xFFFF_FFFFL;
  }

  static long s64(byte[] b, int off) {
    return u32(b, off) | u32(b, off + 4) << 32;
  }

  static void putU16(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
  }

  static void putU32(byte[] b, int off, long v) {
    putU16(b, off, (int) v);
    putU16(b, off + 2, (int) (v >>> 16));
  }

  static void putS64(byte[] b, int off, long v) {
    putU32(b, off, v);
    putU32(b, off + 4, v >>> 32);
  }
}
