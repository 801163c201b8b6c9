package org.excamera.codec.bool;

/**
 * The boolean entropy decoder of RFC 6386 §7.3, reading from a slice of a byte array. It keeps up
 * to 56 bits of look-ahead in a {@code long} (the top byte is the RFC's comparison window), so a
 * refill happens about once every six bytes. Past the end of its slice it reads zero bits, as
 * libvpx does, and counts how far it went: {@link #overran()} tells the parser, at a section end,
 * whether the data ran out long before the syntax did.
 */
public final class BoolDecoder {
  private static final int WINDOW = 48; // the top byte of the look-ahead starts at bit 48
  private static final int OVERRUN_SLACK_BITS = 64;

  private final byte[] data;
  private final int start;
  private final int end;
  private int pos;
  private long value;
  private int count = -8; // valid bits below the top byte of the window
  private int range = 255;
  private int zeroBytes; // bytes read past the end

  /** A decoder over {@code data[offset .. offset+length)}; the array is read, never written. */
  public BoolDecoder(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException(
          "slice [%d, +%d) outside an array of %d bytes".formatted(offset, length, data.length));
    }
    this.data = data;
    this.start = offset;
    this.end = offset + length;
    this.pos = offset;
    fill();
  }

  private void fill() {
    int shift = WINDOW - 8 - count;
    while (shift >= 0) {
      int b;
      if (pos < end) {
        b = data[pos++] & 0xFF;
      } else {
        b = 0;
        zeroBytes++;
      }
      value |= (long) b << shift;
      count += 8;
      shift -= 8;
    }
  }

  /** Reads one bool whose probability of being 0 is {@code prob}/256 (RFC 6386 §7.3). */
  public boolean readBool(int prob) {
    int split = 1 + (((range - 1) * prob) >> 8);
    if (count < 0) {
      fill();
    }
    long bigSplit = (long) split << WINDOW;
    boolean bit;
    if (value >= bigSplit) {
      range -= split;
      value -= bigSplit;
      bit = true;
    } else {
      range = split;
      bit = false;
    }
    int shift = Integer.numberOfLeadingZeros(range) - 24;
    range <<= shift;
    value <<= shift;
    count -= shift;
    return bit;
  }

  /** Reads one bool as 0 or 1. */
  public int readBit(int prob) {
    return readBool(prob) ? 1 : 0;
  }

  /** Reads an unsigned {@code bits}-bit literal, most significant bit first, at probability 128. */
  public int readLiteral(int bits) {
    int v = 0;
    for (int i = 0; i < bits; i++) {
      v = (v << 1) | readBit(128);
    }
    return v;
  }

  /** Reads a one-bit flag at probability 128. */
  public boolean readFlag() {
    return readBool(128);
  }

  /** Bits shifted out of the window so far, including any zero bits past the end. */
  public long bitsConsumed() {
    long loaded = 8L * ((pos - start) + zeroBytes);
    return loaded - 8 - count;
  }

  /** Whether the syntax read so far needed far more bits than the slice holds. */
  public boolean overran() {
    return bitsConsumed() > 8L * (end - start) + OVERRUN_SLACK_BITS;
  }

  /** Length of the slice in bytes. */
  public int length() {
    return end - start;
  }
}
