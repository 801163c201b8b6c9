package org.excamera.codec.bool;

import java.util.Arrays;

/**
 * The boolean entropy encoder, the inverse of {@link BoolDecoder} (RFC 6386 §7.3). It produces
 * exactly the bytes of libvpx's {@code vp8_encode_bool}, and {@link #finish()} pads like libvpx's
 * {@code vp8_stop_encode} (32 zero bools at probability 128), so re-encoding the symbols of a
 * libvpx-made partition reproduces it byte for byte.
 */
public final class BoolEncoder {
  private byte[] buffer;
  private int pos;
  private int range = 255;
  private int lowValue; // unsigned 32-bit in libvpx; Java's wrapping int arithmetic matches
  private int count = -24;
  private boolean finished;

  public BoolEncoder() {
    this(256);
  }

  public BoolEncoder(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Writes one bool whose probability of being 0 is {@code prob}/256. */
  public void writeBool(boolean bit, int prob) {
    int split = 1 + (((range - 1) * prob) >> 8);
    int r;
    if (bit) {
      lowValue += split;
      r = range - split;
    } else {
      r = split;
    }
    int shift = Integer.numberOfLeadingZeros(r) - 24;
    r <<= shift;
    count += shift;
    if (count >= 0) {
      int offset = shift - count;
      if (((lowValue << (offset - 1)) & 0x80000000) != 0) {
        propagateCarry();
      }
      if (pos == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      buffer[pos++] = (byte) (lowValue >>> (24 - offset));
      lowValue <<= offset;
      shift = count;
      lowValue &= 0xffffff;
      count -= 8;
    }
    lowValue <<= shift;
    range = r;
  }

  private void propagateCarry() {
    int x = pos - 1;
    while (x >= 0 && buffer[x] == (byte) 0xff) {
      buffer[x] = 0;
      x--;
    }
    if (x < 0) {
      throw new AssertionError("carry out of the first byte of a bool-coded partition");
    }
    buffer[x]++;
  }

  /** Writes 0 or 1. */
  public void writeBit(int bit, int prob) {
    writeBool(bit != 0, prob);
  }

  /**
   * Writes an unsigned {@code bits}-bit literal, most significant bit first, at probability 128.
   */
  public void writeLiteral(int value, int bits) {
    for (int i = bits - 1; i >= 0; i--) {
      writeBool(((value >> i) & 1) != 0, 128);
    }
  }

  /** Writes a one-bit flag at probability 128. */
  public void writeFlag(boolean flag) {
    writeBool(flag, 128);
  }

  /** Flushes like libvpx (32 zero bools at probability 128) and returns the partition's bytes. */
  public byte[] finish() {
    if (!finished) {
      for (int i = 0; i < 32; i++) {
        writeBool(false, 128);
      }
      finished = true;
    }
    return Arrays.copyOf(buffer, pos);
  }
}
