package org.excamera.worker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfWriter;

/**
 * IVF files whose frames carry only a VP8 frame tag's first byte (key or inter, shown or hidden)
 * and a marker byte: enough for code that counts and concatenates frames without decoding them.
 */
public final class FakeIvf {
  private FakeIvf() {}

  /** First tag byte: bit 0 clear = key frame, bit 4 set = shown. */
  public static byte tag(boolean key, boolean shown) {
    return (byte) ((key ? 0 : 1) | (shown ? 0x10 : 0));
  }

  /** {@code frames} shown frames, the first a key frame when {@code keyFirst}; pts 0, 1, 2, … */
  public static byte[] chunk(int frames, boolean keyFirst, int marker) {
    byte[][] data = new byte[frames][];
    for (int i = 0; i < frames; i++) {
      data[i] = new byte[] {tag(keyFirst && i == 0, true), (byte) marker, (byte) i};
    }
    return of(data);
  }

  /** An IVF of the given frame payloads, pts 0, 1, 2, … */
  public static byte[] of(byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IvfWriter w = IvfWriter.to(out, IvfHeader.vp8(64, 48, 30, 1, frames.length))) {
      for (int i = 0; i < frames.length; i++) {
        w.write(i, frames[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
