package org.excamera.codec.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * 12,000 mutated frames (bit flips, overwrites, truncation, lying partition sizes, absurd and odd
 * key frame sizes): only {@code CodecException}s, no other exception, no out-of-memory. Prints the
 * outcome counts and the slowest frame.
 */
class FuzzIT {
  @Test
  void twelveThousandMutatedFrames() {
    FrameFuzzer f = new FrameFuzzer(12);
    for (long seed = 1; seed <= 12; seed++) {
      f.run(seed, 1000);
    }
    System.out.printf(
        "fuzz: %d decoded, %d rejected, slowest frame %.1f ms%n",
        f.decoded, f.rejected, f.slowestNanos / 1e6);
    assertTrue(f.decoded + f.rejected == 12000);
  }
}
