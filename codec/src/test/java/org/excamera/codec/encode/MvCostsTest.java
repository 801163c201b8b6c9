package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.state.ProbabilityVector;
import org.excamera.codec.syntax.MotionVector;
import org.junit.jupiter.api.Test;

class MvCostsTest {
  private static final long SEED = 0x5EED_0101L;

  /**
   * The coded forms of a component are a prefix code, so the probabilities the costs imply sum to 1
   * (Kraft equality) over all codable values, whatever the MV probabilities are.
   */
  @Test
  void costsAreThoseOfACompletePrefixCode() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 20; trial++) {
      int[] probs = new int[38];
      for (int i = 0; i < probs.length; i++) {
        probs[i] = 1 + random.nextInt(255);
      }
      MvCosts costs = MvCosts.of(ProbabilityVector.of(probs));
      for (int comp = 0; comp < 2; comp++) {
        double total = 0;
        for (int v = -MvCosts.MAX_COMPONENT; v <= MvCosts.MAX_COMPONENT; v++) {
          total += Math.pow(2, -costs.component(comp, v) / 256.0);
        }
        // Long-form values 8..15 with no high bit skip bit 3 and are not all codable as long,
        // and each bool's cost is rounded; allow for that.
        assertEquals(
            1.0, total, 0.06, "seed %x trial %d component %d".formatted(SEED, trial, comp));
      }
    }
  }

  @Test
  void signCostsFollowTheSignProbability() {
    MvCosts costs = MvCosts.of(ProbabilityTables.DEFAULTS.mvProbs());
    // Default sign probabilities are 128: a vector and its negation cost the same but for the
    // rounding of the one-bit costs (log2(255/128) vs log2(255/127)).
    for (int v = 1; v <= MvCosts.MAX_COMPONENT; v++) {
      assertEquals(costs.component(0, v), costs.component(0, -v), 2, "row " + v);
      assertEquals(costs.component(1, v), costs.component(1, -v), 2, "column " + v);
    }
    assertTrue(costs.component(0, 0) < costs.component(0, 1));
    assertTrue(costs.component(0, 1) < costs.component(0, 300));
  }

  @Test
  void differencesBeyondTheCodableRangeAreUncodable() {
    MvCosts costs = MvCosts.of(ProbabilityTables.DEFAULTS.mvProbs());
    assertEquals(MvCosts.UNCODABLE, costs.component(0, 1024));
    assertEquals(MvCosts.UNCODABLE, costs.component(1, -1024));
    assertTrue(costs.difference(1023, -1023) < MvCosts.UNCODABLE);
    // Packed vectors are in eighth samples: (8, -6) against (2, 2) is (3, -4) quarter samples.
    assertEquals(
        costs.difference(3, -4), costs.newMv(MotionVector.of(8, -6), MotionVector.of(2, 2)));
  }
}
