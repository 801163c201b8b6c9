package org.excamera.rendezvous.testing;

import org.excamera.rendezvous.Crc32c;

/**
 * States that differ but have the same length and CRC32C. CRC32C is affine over GF(2): for equal
 * lengths, {@code crc(x ^ d) = crc(x) ^ L(d)} with L linear, and 32 bits anywhere in the message
 * span all of L's range; so changing one byte and then solving for 4 bytes elsewhere restores the
 * checksum. What a relay that trusted checksums to tell states apart would get wrong.
 */
public final class Crc32cCollisions {
  private Crc32cCollisions() {}

  /**
   * A copy of {@code original} with byte {@code changeAt} altered and bytes {@code patchAt..+3}
   * chosen so that its CRC32C equals the original's.
   */
  public static byte[] sameChecksum(byte[] original, int changeAt, int patchAt) {
    if (changeAt >= patchAt && changeAt < patchAt + 4) {
      throw new IllegalArgumentException("the change must lie outside the patched bytes");
    }
    byte[] b = original.clone();
    b[changeAt] ^= 0x5A;
    int base = Crc32c.of(b).value();
    int[] effect = new int[32]; // L(bit i of the patch), reduced below
    int[] combo = new int[32]; // which patch bits make up effect[i]
    for (int i = 0; i < 32; i++) {
      b[patchAt + i / 8] ^= (byte) (1 << (i % 8));
      effect[i] = Crc32c.of(b).value() ^ base;
      b[patchAt + i / 8] ^= (byte) (1 << (i % 8));
      combo[i] = 1 << i;
    }
    // Gauss-Jordan elimination over GF(2): row r ends with pivot bit pivot[r] and no other row has
    // it.
    int[] pivot = new int[32];
    for (int r = 0; r < 32; r++) {
      int bit = Integer.numberOfTrailingZeros(effect[r]);
      if (effect[r] == 0) {
        throw new AssertionError("32 patch bits should span every CRC32C difference");
      }
      pivot[r] = bit;
      for (int o = 0; o < 32; o++) {
        if (o != r && (effect[o] >>> bit & 1) != 0) {
          effect[o] ^= effect[r];
          combo[o] ^= combo[r];
        }
      }
    }
    int want = base ^ Crc32c.of(original).value();
    int patch = 0;
    for (int r = 0; r < 32; r++) {
      if ((want >>> pivot[r] & 1) != 0) {
        want ^= effect[r];
        patch ^= combo[r];
      }
    }
    for (int i = 0; i < 32; i++) {
      if ((patch >>> i & 1) != 0) {
        b[patchAt + i / 8] ^= (byte) (1 << (i % 8));
      }
    }
    if (want != 0 || !Crc32c.of(b).equals(Crc32c.of(original))) {
      throw new AssertionError("no CRC32C collision found");
    }
    return b;
  }
}
