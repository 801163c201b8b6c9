package org.excamera.codec.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link SampleRuns#fill} writes exactly what {@link Arrays#fill} does, for every short run. */
class SampleRunsTest {
  @Test
  void matchesArraysFill() {
    for (int off = 0; off < 9; off++) {
      for (int n = 0; n <= 49; n++) {
        for (int value : new int[] {0, 1, 127, 128, 255}) {
          byte[] expected = new byte[64];
          Arrays.fill(expected, (byte) 0x5A);
          byte[] actual = expected.clone();
          Arrays.fill(expected, off, off + n, (byte) value);
          SampleRuns.fill(actual, off, n, (byte) value);
          assertArrayEquals(
              expected, actual, "offset %d length %d value %d".formatted(off, n, value));
        }
      }
    }
  }
}
