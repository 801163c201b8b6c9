package org.excamera.bench;

import java.util.Arrays;

/**
 * Ratios of our time to the reference tool's, measured in pairs run back to back: on a machine
 * whose load changes from second to second, the median of the pairs' own ratios moves less than the
 * ratio of the two best figures, which may come from different moments.
 */
final class PairedRatios {
  private PairedRatios() {}

  /** The median of {@code a[i] / b[i]}; the arrays have the same length, at least 1. */
  static double median(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("pairs: %d against %d".formatted(a.length, b.length));
    }
    double[] ratios = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      ratios[i] = a[i] / b[i];
    }
    Arrays.sort(ratios);
    int n = ratios.length;
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }
}
