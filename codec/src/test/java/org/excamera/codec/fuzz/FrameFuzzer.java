package org.excamera.codec.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.excamera.codec.CodecException;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.testing.TestVectors;
import org.excamera.codec.testing.TestVectors.TestVector;

/**
 * Mutates conformance frames and decodes them against the state the original frame is decoded
 * against: bit flips, byte overwrites, truncation, lying first-partition and token-partition sizes,
 * and key frame sizes that are absurd (above the decoder's limit) or merely unusual (up to
 * 1024x1024, so a run stays quick). Every outcome must be a decoded frame or a {@link
 * CodecException}; anything else fails with the seed and mutation in the message.
 */
final class FrameFuzzer {
  private static final String[] VECTORS = {
    "vp80-00-comprehensive-001",
    "vp80-00-comprehensive-006",
    "vp80-00-comprehensive-007",
    "vp80-00-comprehensive-010",
    "vp80-00-comprehensive-016",
    "vp80-03-segmentation-1437",
    "vp80-04-partitions-1406",
    "vp80-05-sharpness-1439"
  };

  /** A frame and the state it decodes against. */
  private record Sample(String name, int index, DecoderState state, CompressedFrame frame) {}

  private final List<Sample> samples = new ArrayList<>();
  long decoded;
  long rejected;
  long slowestNanos;

  FrameFuzzer(int framesPerVector) {
    for (String name : VECTORS) {
      TestVector v = TestVectors.named(name);
      DecoderState s = DecoderState.initial();
      for (int i = 0; i < Math.min(framesPerVector, v.frameCount()); i++) {
        samples.add(new Sample(name, i, s, v.frame(i)));
        s = Vp8Decoder.decode(s, v.frame(i)).next();
      }
    }
  }

  void run(long seed, int count) {
    Random rnd = new Random(seed);
    for (int n = 0; n < count; n++) {
      Sample sample = samples.get(rnd.nextInt(samples.size()));
      byte[] data = sample.frame().toByteArray();
      int kind = rnd.nextInt(7);
      String what;
      switch (kind) {
        case 0 -> {
          int flips = 1 + rnd.nextInt(8);
          for (int i = 0; i < flips; i++) {
            int at = rnd.nextInt(data.length);
            data[at] ^= (byte) (1 << rnd.nextInt(8));
          }
          what = flips + " bit flips";
        }
        case 1 -> {
          int at = rnd.nextInt(data.length);
          int len = Math.min(data.length - at, 1 + rnd.nextInt(16));
          for (int i = 0; i < len; i++) {
            data[at + i] = (byte) rnd.nextInt(256);
          }
          what = len + " random bytes at " + at;
        }
        case 2 -> {
          int len = rnd.nextInt(data.length);
          data = java.util.Arrays.copyOf(data, len);
          what = "truncated to " + len;
        }
        case 3 -> {
          int size = rnd.nextInt(3) == 0 ? rnd.nextInt(1 << 19) : rnd.nextInt(data.length + 8);
          int raw = (data[0] & 0x1f) | size << 5;
          data[0] = (byte) raw;
          data[1] = (byte) (raw >> 8);
          data[2] = (byte) (raw >> 16);
          what = "first partition size " + size;
        }
        case 4 -> {
          int at = 3 + rnd.nextInt(Math.max(1, data.length - 3));
          data[at] = (byte) 0xff;
          if (at + 1 < data.length) {
            data[at + 1] = (byte) 0xff;
          }
          if (at + 2 < data.length) {
            data[at + 2] = (byte) rnd.nextInt(256);
          }
          what = "large length bytes at " + at;
        }
        case 5 -> {
          if ((data[0] & 1) != 0 || data.length < 10) {
            data[0] ^= 1;
            what = "key/inter flag flipped";
          } else {
            boolean absurd = rnd.nextBoolean();
            int w = absurd ? 9000 + rnd.nextInt(7384) : 1 + rnd.nextInt(1024);
            int h = absurd ? 5000 + rnd.nextInt(11384) : 1 + rnd.nextInt(1024);
            int ws = w | rnd.nextInt(4) << 14;
            int hs = h | rnd.nextInt(4) << 14;
            data[6] = (byte) ws;
            data[7] = (byte) (ws >> 8);
            data[8] = (byte) hs;
            data[9] = (byte) (hs >> 8);
            what = "key frame size " + w + "x" + h;
          }
        }
        default -> {
          int from = rnd.nextInt(data.length);
          java.util.Arrays.fill(data, from, data.length, (byte) 0);
          what = "zeros from " + from;
        }
      }
      long t0 = System.nanoTime();
      try {
        Vp8Decoder.decode(sample.state(), CompressedFrame.of(data));
        decoded++;
      } catch (CodecException e) {
        rejected++;
      } catch (RuntimeException | Error e) {
        fail(
            "seed %d mutation %d (%s of %s frame %d) threw %s"
                .formatted(seed, n, what, sample.name(), sample.index(), e),
            e);
      }
      slowestNanos = Math.max(slowestNanos, System.nanoTime() - t0);
    }
  }
}
