package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.syntax.Residuals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacroblockResidualCoderTest {
  private static final long SEED = 20260424L;

  private final MacroblockResidualCoder coder = new MacroblockResidualCoder();
  private final MacroblockCoefficients out = new MacroblockCoefficients();

  @ParameterizedTest(name = "hasY2={0}")
  @ValueSource(booleans = {true, false})
  void perfectPredictionGivesAnEmptyMacroblockAndKeepsIt(boolean hasY2) {
    byte[] target = random(16 * 16, new Random(SEED));
    byte[] canvas = target.clone();
    out.clear();
    coder.codeLuma(
        target,
        0,
        16,
        canvas,
        0,
        16,
        MacroblockQuantizer.of(QuantizerTables.libvpx(0)),
        hasY2,
        out);
    assertTrue(out.isEmpty());
    assertArrayEquals(target, canvas);
  }

  @ParameterizedTest(name = "hasY2={0}")
  @ValueSource(booleans = {true, false})
  void finestQuantizerReconstructsCloselyAndFillsTheRightBlocks(boolean hasY2) {
    Random rnd = new Random(SEED + 1);
    byte[] target = random(16 * 16, rnd);
    byte[] canvas = new byte[16 * 16];
    java.util.Arrays.fill(canvas, (byte) 128);
    out.clear();
    coder.codeLuma(
        target,
        0,
        16,
        canvas,
        0,
        16,
        MacroblockQuantizer.of(QuantizerTables.libvpx(0)),
        hasY2,
        out);
    assertFalse(out.isEmpty());
    assertEquals(hasY2, out.end(Residuals.Y2) > 0, "Y2 block used iff the macroblock has one");
    for (int b = 0; b < 16; b++) {
      if (hasY2) {
        assertEquals(0, out.coefficient(b, 0), "DC travels in Y2, block " + b);
      }
      checkEnd(b);
    }
    long sse = BlockError.sse(target, 0, 16, canvas, 0, 16, 16, 16);
    double psnr = Psnr.fromSse(sse, 256);
    assertTrue(psnr > 40, () -> "PSNR at q 0 is only " + psnr + " (seed " + SEED + ")");
  }

  @Test
  void subblocksAndChromaAreCodedWithTheirDc() {
    Random rnd = new Random(SEED + 2);
    MacroblockQuantizer q = MacroblockQuantizer.of(QuantizerTables.libvpx(10));
    out.clear();
    byte[] target = random(16 * 16, rnd);
    byte[] canvas = new byte[16 * 16];
    for (int b = 0; b < 16; b++) {
      int off = (b >> 2) * 64 + (b & 3) * 4;
      coder.codeSubblock(b, target, off, 16, canvas, off, 16, q, out);
      checkEnd(b);
    }
    byte[] tu = random(64, rnd);
    byte[] tv = random(64, rnd);
    byte[] cu = new byte[64];
    byte[] cv = new byte[64];
    coder.codeChroma(tu, tv, 0, 8, cu, cv, 0, 8, q, out);
    for (int b = 16; b < 24; b++) {
      checkEnd(b);
      assertTrue(out.end(b) > 0, "a random block against zero has coefficients: " + b);
    }
    assertEquals(0, out.end(Residuals.Y2));
    assertTrue(Psnr.fromSse(BlockError.sse(target, 0, 16, canvas, 0, 16, 16, 16), 256) > 35);
    assertTrue(Psnr.fromSse(BlockError.sse(tu, 0, 8, cu, 0, 8, 8, 8), 64) > 35);
  }

  /** The end is one past the last nonzero coefficient. */
  private void checkEnd(int b) {
    int last = 0;
    for (int i = 0; i < 16; i++) {
      if (out.coefficient(b, i) != 0) {
        last = i + 1;
      }
    }
    assertEquals(last, out.end(b), "end of block " + b);
  }

  private static byte[] random(int n, Random rnd) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }
}
