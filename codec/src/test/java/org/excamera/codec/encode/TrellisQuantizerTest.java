package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.state.CoefficientProbabilities;
import org.junit.jupiter.api.Test;

class TrellisQuantizerTest {
  private static final long SEED = 4242L;
  private static final TokenCosts COSTS = TokenCosts.of(CoefficientProbabilities.DEFAULTS::get);
  private static final int[] ZIGZAG = ScanOrder.ZIGZAG;

  /** Never worse than the regular quantizer under its own cost, on random residual blocks. */
  @Test
  void neverCostsMoreThanTheRegularQuantizer() {
    Random rnd = new Random(SEED);
    TrellisQuantizer trellis = new TrellisQuantizer(COSTS);
    short[] residual = new short[16];
    short[] coeff = new short[16];
    short[] q = new short[16];
    short[] dq = new short[16];
    short[] q2 = new short[16];
    short[] dq2 = new short[16];
    int changed = 0;
    for (int n = 0; n < 2000; n++) {
      int amplitude = 1 + rnd.nextInt(80);
      for (int i = 0; i < 16; i++) {
        residual[i] = (short) (rnd.nextInt(2 * amplitude + 1) - amplitude);
      }
      ForwardTransformTest.fdct(asBlock(residual), 4, 0, coeff, 0);
      int type = rnd.nextInt(4);
      if (type == 1) {
        continue; // Y2 blocks come from the Walsh transform; covered by the frame tests
      }
      int qIndex = rnd.nextInt(128);
      QuantizerTables tables = QuantizerTables.libvpx(qIndex);
      BlockQuantizer bq = type == 2 ? tables.uv() : tables.y1();
      int eob = bq.quantize(coeff, 0, 0, q, 0, dq, 0);
      int first = type == 0 ? 1 : 0;
      int end = eob > first ? eob : 0;
      int ctx = rnd.nextInt(3);
      int rdMult = TrellisQuantizer.rdMultiplier(tables.factors().y1Dc(), rnd.nextBoolean());
      System.arraycopy(q, 0, q2, 0, 16);
      System.arraycopy(dq, 0, dq2, 0, 16);
      int end2 =
          end == 0
              ? 0
              : trellis.optimize(
                  coeff, 0, q2, 0, dq2, 0, type, ctx, bq.dcStep(), bq.acStep(), rdMult);
      int last = 0;
      for (int i = first; i < 16; i++) {
        if (q2[i] != 0) {
          last = i + 1;
        }
        assertTrue(Math.abs(q2[i]) <= Math.abs(q[i]), "values only move towards zero");
        int step = i == 0 ? bq.dcStep() : bq.acStep();
        assertEquals((short) (q2[i] * step), dq2[ZIGZAG[i]], "dequantized value, seed " + SEED);
      }
      assertEquals(last, end2, "end, seed " + SEED);
      long before = cost(q, dq, coeff, type, ctx, end, rdMult);
      long after = cost(q2, dq2, coeff, type, ctx, end2, rdMult);
      assertTrue(after <= before, () -> "trellis cost " + after + " > " + before);
      if (after < before) {
        changed++;
      }
    }
    assertTrue(changed > 50, "the trellis changed only " + changed + " blocks");
  }

  @Test
  void aHugeRateMultiplierEmptiesTheBlock() {
    short[] coeff = {40, -30, 20, 10, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
    QuantizerTables t = QuantizerTables.libvpx(10);
    short[] q = new short[16];
    short[] dq = new short[16];
    int eob = t.y1().quantize(coeff, 0, 0, q, 0, dq, 0);
    assertTrue(eob > 0);
    int end =
        new TrellisQuantizer(COSTS)
            .optimize(coeff, 0, q, 0, dq, 0, 3, 0, t.y1().dcStep(), t.y1().acStep(), 1 << 24);
    assertEquals(0, end);
    for (short v : q) {
      assertEquals(0, v);
    }
  }

  /** J = rdMult·w·R + 25600·D as the trellis defines it, for a block as coded. */
  private static long cost(
      short[] q, short[] dq, short[] coeff, int type, int ctx, int end, int rdMult) {
    int[] planeMult = {4, 16, 2, 4};
    int first = type == 0 ? 1 : 0;
    long d = 0;
    for (int i = first; i < 16; i++) {
      long e = dq[ZIGZAG[i]] - coeff[ZIGZAG[i]];
      d += e * e;
    }
    long r = COSTS.blockCost(q, 0, type, ctx, end);
    return (long) rdMult * planeMult[type] * r + 25600 * d;
  }

  private static int[][] asBlock(short[] residual) {
    int[][] x = new int[4][4];
    for (int i = 0; i < 16; i++) {
      x[i / 4][i % 4] = residual[i];
    }
    return x;
  }
}
