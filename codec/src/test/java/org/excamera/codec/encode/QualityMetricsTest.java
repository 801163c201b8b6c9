package org.excamera.codec.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.excamera.codec.io.RawFrame;
import org.junit.jupiter.api.Test;

class QualityMetricsTest {
  private static final long SEED = 0x5EED_0003L;

  /** Textbook SSIM of one window in doubles: means, variances and covariance normalised by n. */
  static double textbookWindow(int[] s, int[] r, double c1, double c2) {
    double n = s.length;
    double ms = 0;
    double mr = 0;
    for (int i = 0; i < s.length; i++) {
      ms += s[i] / n;
      mr += r[i] / n;
    }
    double vs = 0;
    double vr = 0;
    double cov = 0;
    for (int i = 0; i < s.length; i++) {
      vs += (s[i] - ms) * (s[i] - ms) / n;
      vr += (r[i] - mr) * (r[i] - mr) / n;
      cov += (s[i] - ms) * (r[i] - mr) / n;
    }
    return (2 * ms * mr + c1) * (2 * cov + c2) / ((ms * ms + mr * mr + c1) * (vs + vr + c2));
  }

  static double textbookPlane(byte[] a, byte[] b, int w, int h, double c1, double c2) {
    double total = 0;
    int count = 0;
    for (int y = 0; y + 8 <= h; y += 4) {
      for (int x = 0; x + 8 <= w; x += 4) {
        int[] s = new int[64];
        int[] r = new int[64];
        for (int k = 0; k < 64; k++) {
          s[k] = a[(y + k / 8) * w + x + k % 8] & 0xFF;
          r[k] = b[(y + k / 8) * w + x + k % 8] & 0xFF;
        }
        total += textbookWindow(s, r, c1, c2);
        count++;
      }
    }
    return total / count;
  }

  @Test
  void ssimMatchesTheTextbookFormulaWithLibvpxConstants() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 200; trial++) {
      int w = 8 + random.nextInt(40);
      int h = 8 + random.nextInt(40);
      byte[] a = new byte[w * h];
      byte[] b = new byte[w * h];
      random.nextBytes(a);
      int noise = new int[] {0, 2, 20, 255}[trial % 4];
      for (int i = 0; i < a.length; i++) {
        int v = (a[i] & 0xFF) + random.nextInt(2 * noise + 1) - noise;
        b[i] = (byte) Math.max(0, Math.min(255, v));
      }
      double ours = Ssim.plane(a, 0, w, b, 0, w, w, h);
      double exact = textbookPlane(a, b, w, h, 26634 / 4096.0, 239708 / 4096.0);
      String where = "seed %d trial %d (%dx%d, noise %d)".formatted(SEED, trial, w, h, noise);
      assertEquals(exact, ours, 1e-9, where);
      // and the constants are the usual (0.01·255)² and (0.03·255)² to within rounding
      assertEquals(textbookPlane(a, b, w, h, 6.5025, 58.5225), ours, 1e-4, where);
    }
  }

  @Test
  void ssimOfHandMadePlanes() {
    byte[] a = new byte[64];
    byte[] b = new byte[64];
    java.util.Arrays.fill(a, (byte) 100);
    java.util.Arrays.fill(b, (byte) 110);
    assertEquals(1.0, Ssim.plane(a, 0, 8, a, 0, 8, 8, 8));
    // flat windows: only the luminance term remains
    double expected = (2.0 * 6400 * 7040 + 26634) / (6400.0 * 6400 + 7040.0 * 7040 + 26634);
    assertEquals(expected, Ssim.plane(a, 0, 8, b, 0, 8, 8, 8), 1e-15);
    // a 12x8 plane has two windows (x = 0 and 4); strides and offsets are honoured
    byte[] wide = new byte[3 + 8 * 20];
    assertEquals(1.0, Ssim.plane(wide, 3, 20, wide, 3, 20, 12, 8));
    assertThrows(IllegalArgumentException.class, () -> Ssim.plane(a, 0, 8, b, 0, 8, 7, 8));
  }

  @Test
  void frameSsimWeightsLumaByEightTenths() {
    RawFrame a = RawFrame.filled(16, 16, 100, 100, 100);
    RawFrame b = RawFrame.filled(16, 16, 100, 110, 100);
    double u = Ssim.plane(a.copyU(), 0, 8, b.copyU(), 0, 8, 8, 8);
    assertTrue(u < 1);
    assertEquals(0.8 + 0.1 * (u + 1.0), Ssim.frame(a, b), 1e-15, "Y and V identical");
    assertEquals(Double.POSITIVE_INFINITY, Ssim.toDb(Ssim.frame(a, a)));
    assertEquals(20.0, Ssim.toDb(0.99), 1e-9);
    RawFrame small = RawFrame.filled(8, 8, 1, 2, 3);
    assertEquals(1.0, Ssim.frame(small, small), "luma only below 16x16");
  }

  @Test
  void psnrFromSse() {
    assertEquals(Psnr.MAX_PSNR, Psnr.fromSse(0, 100));
    assertEquals(10 * Math.log10(255.0 * 255.0), Psnr.fromSse(100, 100), 1e-12, "MSE 1");
    assertEquals(Psnr.MAX_PSNR, Psnr.fromSse(1, 1L << 40), "capped");
    RawFrame a = RawFrame.filled(4, 2, 10, 20, 30);
    RawFrame b = RawFrame.filled(4, 2, 12, 20, 30);
    // 8 luma samples off by 2, 4 chroma samples exact: MSE = 32 / 12
    assertEquals(10 * Math.log10(12 * 255.0 * 255.0 / 32), Psnr.frame(a, b), 1e-12);
    byte[] x = {0, (byte) 255, 7};
    byte[] y = {(byte) 255, 0, 7};
    assertEquals(2L * 255 * 255, Psnr.sse(x, 0, 3, y, 0, 3, 3, 1));
    assertTrue(Psnr.frame(a, a) == Psnr.MAX_PSNR);
  }
}
