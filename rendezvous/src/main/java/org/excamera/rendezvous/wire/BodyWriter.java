package org.excamera.rendezvous.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a control body. */
final class BodyWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  BodyWriter u8(int v) {
    out.write(v);
    return this;
  }

  BodyWriter u16(int v) {
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  BodyWriter u32(long v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
    return this;
  }

  BodyWriter u64(long v) {
    return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
  }

  BodyWriter bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  BodyWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFFFF) {
      throw new IllegalArgumentException("string too long for the wire: " + b.length + " bytes");
    }
    return u16(b.length).bytes(b);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
