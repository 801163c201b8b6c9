package org.excamera.codec.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A quick fuzzing pass (1,000 mutated frames); {@link FuzzIT} runs 12,000. */
class FuzzTest {
  @Test
  void mutatedFramesGiveOnlyCodecExceptions() {
    FrameFuzzer f = new FrameFuzzer(6);
    f.run(20240601L, 1000);
    assertTrue(f.rejected > 0 && f.decoded > 0, "both outcomes occur");
  }
}
