package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenCostsTest {
  private static final long SEED = 0x5EED_0004L;

  /**
   * Each token's path through RFC 6386 §13.2's coefficient tree, written out by hand as (node, bit)
   * pairs: node numbers are tree indices / 2, so {@code probs[node]} codes the bit.
   */
  private static final int[][] PATHS = {
    {1, 0}, // ZERO "10"
    {1, 1, 2, 0}, // ONE "110"
    {1, 1, 2, 1, 3, 0, 4, 0}, // TWO "11100"
    {1, 1, 2, 1, 3, 0, 4, 1, 5, 0}, // THREE "111010"
    {1, 1, 2, 1, 3, 0, 4, 1, 5, 1}, // FOUR "111011"
    {1, 1, 2, 1, 3, 1, 6, 0, 7, 0}, // CAT1 "111100"
    {1, 1, 2, 1, 3, 1, 6, 0, 7, 1}, // CAT2 "111101"
    {1, 1, 2, 1, 3, 1, 6, 1, 8, 0, 9, 0}, // CAT3 "1111100"
    {1, 1, 2, 1, 3, 1, 6, 1, 8, 0, 9, 1}, // CAT4 "1111101"
    {1, 1, 2, 1, 3, 1, 6, 1, 8, 1, 10, 0}, // CAT5 "1111110"
    {1, 1, 2, 1, 3, 1, 6, 1, 8, 1, 10, 1}, // CAT6 "1111111"
  };

  /** Cost of {@code token} by its hand-written path; {@code withEob} adds the leading "1". */
  static int pathCost(int[] probs, int token, boolean withEob) {
    if (token == DctTokens.EOB) {
      return BoolCosts.cost(probs[0], 0);
    }
    int cost = withEob ? BoolCosts.cost(probs[0], 1) : 0;
    int[] path = PATHS[token];
    for (int k = 0; k < path.length; k += 2) {
      cost += BoolCosts.cost(probs[path[k]], path[k + 1]);
    }
    return cost;
  }

  private static int[][][][] randomProbs(Random random) {
    int[][][][] p = new int[4][8][3][11];
    for (int[][][] a : p) {
      for (int[][] b : a) {
        for (int[] c : b) {
          for (int i = 0; i < 11; i++) {
            c[i] = 1 + random.nextInt(255);
          }
        }
      }
    }
    return p;
  }

  @Test
  void boolCostsMatchLibvpxTableEntries() {
    assertEquals(255, BoolCosts.cost(128, 0));
    assertEquals(257, BoolCosts.cost(128, 1));
    assertEquals(2047, BoolCosts.costZero(0));
    assertEquals(2047, BoolCosts.costZero(1));
    assertEquals(1791, BoolCosts.costZero(2));
    assertEquals(889, BoolCosts.costZero(23));
    assertEquals(1, BoolCosts.costZero(254));
    assertEquals(1, BoolCosts.costZero(255));
    assertEquals(2047, BoolCosts.costOne(255));
    assertEquals(BoolCosts.costZero(100), BoolCosts.costOne(155));
    for (int p = 1; p < 256; p++) {
      double exact = 256 * Math.log(255.0 / p) / Math.log(2);
      assertEquals(Math.max(1, exact), BoolCosts.costZero(p), 0.5, "p " + p);
    }
  }

  @Test
  void tokensAndValueCosts() {
    int[] firstOf = {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67};
    for (int t = 0; t <= DctTokens.CAT6; t++) {
      assertEquals(t, DctTokens.token(firstOf[t]));
      assertEquals(t, DctTokens.token(-firstOf[t]));
      if (t < DctTokens.CAT6) {
        assertEquals(t, DctTokens.token(firstOf[t + 1] - 1));
      }
    }
    assertEquals(DctTokens.CAT6, DctTokens.token(DctTokens.MAX_MAGNITUDE));
    assertThrows(IllegalArgumentException.class, () -> DctTokens.token(2115));
    // spot values of libvpx's generated dct_value_cost table
    int[][] libvpx = {
      {0, 0},
      {1, 255},
      {4, 255},
      {-1, 257},
      {5, 429},
      {6, 616},
      {-6, 618},
      {10, 951},
      {11, 820},
      {18, 1289},
      {19, 1032},
      {-2048, 8285},
      {-2047, 8277},
      {2047, 8275}
    };
    for (int[] entry : libvpx) {
      assertEquals(entry[1], DctTokens.valueCost(entry[0]), "value " + entry[0]);
    }
    assertEquals(1, DctTokens.extraBits(DctTokens.CAT1));
    assertEquals(11, DctTokens.extraBits(DctTokens.CAT6));
    assertEquals(67, DctTokens.categoryBase(DctTokens.CAT6));
    assertEquals(129, DctTokens.extraBitProbability(DctTokens.CAT6, 10));
  }

  @Test
  void tokenCostsFollowTheTreePaths() {
    Random random = new Random(SEED);
    int[][][][] p = randomProbs(random);
    TokenCosts costs = TokenCosts.of((t, b, c, n) -> p[t][b][c][n]);
    for (int type = 0; type < 4; type++) {
      for (int band = 0; band < 8; band++) {
        for (int ctx = 0; ctx < 3; ctx++) {
          boolean eobPossible = !(ctx == 0 && band > (type == 0 ? 1 : 0));
          for (int token = 0; token < DctTokens.COUNT; token++) {
            int expected = pathCost(p[type][band][ctx], token, eobPossible || token == 11);
            assertEquals(
                expected,
                costs.tokenCost(type, band, ctx, token),
                "seed %d type %d band %d ctx %d token %d".formatted(SEED, type, band, ctx, token));
          }
        }
      }
    }
  }

  /** cost_coeffs restated: walk the tokens with the hand-written paths. */
  static int referenceBlockCost(int[][][][] p, short[] q, int type, int ctx, int eob) {
    int first = type == 0 ? 1 : 0;
    int pt = ctx;
    int cost = 0;
    int c = first;
    for (; c < eob; c++) {
      int t = DctTokens.token(q[c]);
      int band = ScanOrder.COEFF_BANDS[c];
      boolean afterZero = c > first && pt == 0;
      cost += pathCost(p[type][band][pt], t, !afterZero) + DctTokens.valueCost(q[c]);
      pt = t == 0 ? 0 : t == 1 ? 1 : 2;
    }
    if (c < 16) {
      cost += pathCost(p[type][ScanOrder.COEFF_BANDS[c]][pt], DctTokens.EOB, true);
    }
    return cost;
  }

  @Test
  void blockCostMatchesReferenceOnRandomBlocks() {
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < 3000; trial++) {
      int[][][][] p = randomProbs(random);
      TokenCosts costs = TokenCosts.of((t, b, c, n) -> p[t][b][c][n]);
      for (int k = 0; k < 10; k++) {
        short[] q = new short[18];
        int density = random.nextInt(5);
        int eob = 0;
        for (int i = 0; i < 16; i++) {
          if (random.nextInt(5) < density) {
            int mag = random.nextInt(4) == 0 ? random.nextInt(2115) : random.nextInt(6);
            q[i + 2] = (short) (random.nextBoolean() ? mag : -mag);
            if (q[i + 2] != 0) {
              eob = i + 1;
            }
          }
        }
        int type = random.nextInt(4);
        int ctx = random.nextInt(3);
        short[] zigzag = java.util.Arrays.copyOfRange(q, 2, 18);
        assertEquals(
            referenceBlockCost(p, zigzag, type, ctx, eob),
            costs.blockCost(q, 2, type, ctx, eob),
            "seed %d trial %d".formatted(SEED + 1, trial));
      }
    }
  }

  @Test
  void emptyBlocksCostOneEob() {
    int[][][][] p = randomProbs(new Random(SEED + 2));
    TokenCosts costs = TokenCosts.of((t, b, c, n) -> p[t][b][c][n]);
    short[] none = new short[16];
    assertEquals(BoolCosts.cost(p[3][0][2][0], 0), costs.blockCost(none, 0, 3, 2, 0));
    // type 0 starts at position 1 (band 1), even if the quantizer left a DC at position 0
    assertEquals(BoolCosts.cost(p[0][1][0][0], 0), costs.blockCost(none, 0, 0, 0, 0));
    none[0] = 5;
    assertEquals(BoolCosts.cost(p[0][1][1][0], 0), costs.blockCost(none, 0, 0, 1, 1));
    // a full block has no EOB
    short[] full = new short[16];
    java.util.Arrays.fill(full, (short) 1);
    int expected = 0;
    for (int c = 0; c < 16; c++) {
      expected += pathCost(p[2][ScanOrder.COEFF_BANDS[c]][c == 0 ? 0 : 1], 1, true) + 255;
    }
    assertEquals(expected, costs.blockCost(full, 0, 2, 0, 16));
  }
}
