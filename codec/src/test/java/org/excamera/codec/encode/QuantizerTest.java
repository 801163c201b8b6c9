package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizerTest {
  private static final long SEED = 0x5EED_0002L;
  private static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
  private static final int[] BOOST = {0, 0, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 44, 44, 44};

  /**
   * The regular quantizer restated: divide by the step through the exact reciprocal {@code m /
   * 2^(16+l)}, zero bin grown by the zero run, all with longs and no 16-bit tricks.
   */
  static int reference(int q, int dc, int ac, int extra, short[] coeff, short[] qz, short[] dq) {
    int eob = 0;
    int run = 0;
    for (int i = 0; i < 16; i++) {
      int rc = ZIGZAG[i];
      long d = rc == 0 ? dc : ac;
      long zbin = ((q < 48 ? 84 : 80) * d + 64) / 128;
      long boost = (run == 0 ? dc : ac) * (long) BOOST[Math.min(run, 15)] / 128;
      long round = 48 * d / 128;
      int l = 0;
      while ((2L << l) <= d) {
        l++;
      }
      long m = 1 + (1L << (16 + l)) / d;
      long mag = Math.abs((long) coeff[rc]);
      long y = mag >= zbin + boost + extra ? (mag + round) * m >> (16 + l) : 0;
      qz[i] = (short) (coeff[rc] < 0 ? -y : y);
      dq[rc] = (short) (qz[i] * d);
      if (y != 0) {
        eob = i + 1;
        run = 0;
      } else {
        run++;
      }
    }
    return eob;
  }

  @Test
  void matchesReferenceOnRandomBlocks() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 30_000; trial++) {
      int q = random.nextInt(128);
      int dc = 4 + random.nextInt(300);
      int ac = 4 + random.nextInt(300);
      int extra = random.nextInt(4) == 0 ? random.nextInt(60) : 0;
      int mag = new int[] {2040, 300, 40, 4}[random.nextInt(4)];
      short[] coeff = new short[16];
      for (int i = 0; i < 16; i++) {
        coeff[i] = (short) (random.nextInt(2 * mag + 1) - mag);
      }
      short[] qz = new short[16];
      short[] dq = new short[16];
      short[] rq = new short[16];
      short[] rdq = new short[16];
      int eob = new BlockQuantizer(q, dc, ac).quantize(coeff, 0, extra, qz, 0, dq, 0);
      int reob = reference(q, dc, ac, extra, coeff, rq, rdq);
      String where = "seed " + SEED + " trial " + trial;
      assertEquals(reob, eob, where);
      assertArrayEquals(rq, qz, where);
      assertArrayEquals(rdq, dq, where);
    }
  }

  @Test
  void outputIsTheRoundedQuotientOutsideTheZeroBin() {
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < 20_000; trial++) {
      int step = 4 + random.nextInt(400);
      BlockQuantizer bq = new BlockQuantizer(60, step, step);
      short[] coeff = new short[16];
      coeff[0] = (short) random.nextInt(8000);
      short[] qz = new short[16];
      bq.quantize(coeff, 0, 0, qz, 0, new short[16], 0);
      int exact = (coeff[0] + bq.round(0)) / step;
      if (coeff[0] >= bq.zbin(0)) {
        // the reciprocal is rounded up, so the result is the quotient or one above it
        assertTrue(
            qz[0] == exact || qz[0] == exact + 1,
            "seed %d trial %d: %d / %d -> %d".formatted(SEED + 1, trial, coeff[0], step, qz[0]));
      } else {
        assertEquals(0, qz[0]);
      }
    }
  }

  @Test
  void zeroRunBoostSuppressesLateIsolatedCoefficients() {
    // q 60, AC step 30: zbin 19, boost after 9 zeros (30·28) >> 7 = 6, after 2 zeros 1.
    BlockQuantizer bq = new BlockQuantizer(60, 30, 30);
    assertEquals(19, bq.zbin(1));
    assertEquals(6, bq.zrunBoost(9));
    assertEquals(1, bq.zrunBoost(2));
    short[] coeff = new short[16];
    coeff[ZIGZAG[9]] = 24; // 9 zeros before it: needs 25
    short[] qz = new short[16];
    short[] dq = new short[16];
    assertEquals(0, bq.quantize(coeff, 0, 0, qz, 0, dq, 0));
    coeff[ZIGZAG[9]] = 25;
    assertEquals(10, bq.quantize(coeff, 0, 0, qz, 0, dq, 0));
    assertEquals(1, qz[9]);
    assertEquals(30, dq[ZIGZAG[9]]);
    // a nonzero neighbour just before restarts the run: 20 then passes at run 0
    coeff[ZIGZAG[9]] = 20;
    coeff[ZIGZAG[8]] = -40;
    assertEquals(10, bq.quantize(coeff, 0, 0, qz, 0, dq, 0));
    assertEquals(-1, qz[8]);
    assertEquals(1, qz[9]);
  }

  @Test
  void zbinExtraWidensTheZeroBin() {
    BlockQuantizer bq = new BlockQuantizer(10, 20, 20);
    short[] coeff = new short[16];
    coeff[0] = 20;
    short[] qz = new short[16];
    assertEquals(1, bq.quantize(coeff, 0, 0, qz, 0, new short[16], 0));
    int extra = ZbinBoost.extra(20, 0, ZbinBoost.LAST_ZEROMV, 0);
    assertEquals(0, extra, "20·6 >> 7");
    extra = ZbinBoost.extra(200, 0, ZbinBoost.LAST_ZEROMV, 0);
    assertEquals(9, extra);
    assertEquals(0, bq.quantize(coeff, 0, 9, qz, 0, new short[16], 0));
    assertEquals(3, ZbinBoost.extraY2(100, 3, ZbinBoost.MOTION, 0), "(100·(1+4)) >> 7");
  }

  @Test
  void libvpxTablesAtTheEnds() {
    QuantizerTables low = QuantizerTables.libvpx(0);
    assertEquals(new QuantDeltas(0, 4, 0, 0, 0), low.deltas());
    assertEquals(new DequantFactors(4, 4, 16, 8, 4, 4), low.factors(), "y2dc = dc[4]·2");
    assertEquals(3, low.y1().zbin(0));
    assertEquals(1, low.y1().round(5));
    QuantizerTables high = QuantizerTables.libvpx(127);
    assertEquals(new DequantFactors(157, 284, 314, 440, 132, 284), high.factors());
    assertEquals((80 * 284 + 64) >> 7, high.y1().zbin(1));
    assertEquals(QuantDeltas.NONE, QuantizerTables.libvpx(4).deltas());
    assertEquals(
        new DequantFactors(13, 11, 16, 8, 9, 4),
        DequantFactors.of(7, new QuantDeltas(3, -3, -7, -2, -7)),
        "deltas clamp at 0 and index each table");
  }

  @Test
  void rejectsInvalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> QuantizerTables.libvpx(128));
    assertThrows(IllegalArgumentException.class, () -> new QuantDeltas(16, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new BlockQuantizer(0, 1, 4));
  }
}
