package org.excamera.codec.encode;

import org.excamera.codec.picture.Plane;

/**
 * libvpx's SSIM of a plane against a fixed reference plane ({@link Ssim#plane}, same windows, same
 * integer sums, same order of the floating-point mean, so the same value), computed from the sums
 * of 4×4 blocks: every 8×8 window on the 4×4 grid is four whole blocks, so each sample is read once
 * instead of four times, and the reference's own sums are computed once for any number of measured
 * planes. For repeated measurements of candidates against one target (the loop filter search).
 * Single-threaded.
 */
final class BlockSsim {
  private final Plane reference;
  private final int width;
  private final int height;
  private final int blocksX;
  private final int blocksY;
  private final int[] sumR;
  private final int[] sumSqR;
  private final int[] sumS;
  private final int[] sumSqS;
  private final int[] sumSR;

  /** Measures {@code width × height} planes against that area of {@code reference}. */
  BlockSsim(Plane reference, int width, int height) {
    if (width < 8 || height < 8) {
      throw new IllegalArgumentException(
          "SSIM needs at least one 8x8 window: plane is %dx%d".formatted(width, height));
    }
    this.reference = reference;
    this.width = width;
    this.height = height;
    this.blocksX = width / 4;
    this.blocksY = height / 4;
    int n = blocksX * blocksY;
    sumR = new int[n];
    sumSqR = new int[n];
    sumS = new int[n];
    sumSqS = new int[n];
    sumSR = new int[n];
    byte[] r = reference.samplesUnsafe();
    for (int by = 0; by < blocksY; by++) {
      for (int bx = 0; bx < blocksX; bx++) {
        int s = 0;
        int sq = 0;
        int off = reference.origin() + by * 4 * reference.stride() + bx * 4;
        for (int y = 0; y < 4; y++) {
          int o = off + y * reference.stride();
          for (int x = 0; x < 4; x++) {
            int v = r[o + x] & 0xFF;
            s += v;
            sq += v * v;
          }
        }
        sumR[by * blocksX + bx] = s;
        sumSqR[by * blocksX + bx] = sq;
      }
    }
  }

  /** SSIM of {@code plane} (measured first, as {@link Ssim#plane}'s first argument). */
  double measure(Plane plane) {
    byte[] a = plane.samplesUnsafe();
    byte[] r = reference.samplesUnsafe();
    for (int by = 0; by < blocksY; by++) {
      for (int bx = 0; bx < blocksX; bx++) {
        int s = 0;
        int sq = 0;
        int sr = 0;
        int off = plane.origin() + by * 4 * plane.stride() + bx * 4;
        int roff = reference.origin() + by * 4 * reference.stride() + bx * 4;
        for (int y = 0; y < 4; y++) {
          int o = off + y * plane.stride();
          int ro = roff + y * reference.stride();
          for (int x = 0; x < 4; x++) {
            int v = a[o + x] & 0xFF;
            int t = r[ro + x] & 0xFF;
            s += v;
            sq += v * v;
            sr += v * t;
          }
        }
        int i = by * blocksX + bx;
        sumS[i] = s;
        sumSqS[i] = sq;
        sumSR[i] = sr;
      }
    }
    double total = 0;
    int samples = 0;
    for (int y = 0; y <= height - 8; y += 4) {
      for (int x = 0; x <= width - 8; x += 4) {
        int i = (y >> 2) * blocksX + (x >> 2);
        int j = i + blocksX;
        total +=
            Ssim.similarity(
                (long) sumS[i] + sumS[i + 1] + sumS[j] + sumS[j + 1],
                (long) sumR[i] + sumR[i + 1] + sumR[j] + sumR[j + 1],
                (long) sumSqS[i] + sumSqS[i + 1] + sumSqS[j] + sumSqS[j + 1],
                (long) sumSqR[i] + sumSqR[i + 1] + sumSqR[j] + sumSqR[j + 1],
                (long) sumSR[i] + sumSR[i + 1] + sumSR[j] + sumSR[j + 1]);
        samples++;
      }
    }
    return total / samples;
  }
}
