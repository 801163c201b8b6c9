package org.excamera.rendezvous.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.excamera.rendezvous.wire.ChunkEncoder;
import org.excamera.rendezvous.wire.FrameWriter;

/**
 * Deterministic test states. {@link #of} mixes compressible runs and gradients with noise, like a
 * decoder state's pictures; {@link #random} does not compress. The seed names the payload.
 */
public final class Payloads {
  private Payloads() {}

  public static byte[] of(long seed, int size) {
    byte[] b = new byte[size];
    SplittableRandom r = new SplittableRandom(seed);
    int i = 0;
    while (i < size) {
      int run = Math.min(size - i, 64 + r.nextInt(4096));
      switch (r.nextInt(3)) {
        case 0 -> {
          byte v = (byte) r.nextInt(256);
          for (int k = 0; k < run; k++) {
            b[i + k] = v;
          }
        }
        case 1 -> {
          int base = r.nextInt(256);
          for (int k = 0; k < run; k++) {
            b[i + k] = (byte) (base + k / 16 + r.nextInt(4));
          }
        }
        default -> {
          for (int k = 0; k < run; k++) {
            b[i + k] = (byte) r.nextInt(256);
          }
        }
      }
      i += run;
    }
    return b;
  }

  public static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  /** {@code state} as the DATA frames a client sends, {@code chunk} raw bytes per frame. */
  public static byte[] frames(byte[] state, boolean deflate, int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkEncoder enc = new ChunkEncoder(new FrameWriter(out), deflate)) {
      for (int off = 0; off < state.length; off += chunk) {
        enc.writeChunk(state, off, Math.min(chunk, state.length - off));
      }
    } catch (IOException e) {
      throw new AssertionError("writing to memory failed", e);
    }
    return out.toByteArray();
  }
}
