package org.excamera.codec.encode;

/**
 * Coefficient positions (RFC 6386 §13): the zigzag scan and the band of each scan position. Kept
 * here, package-private, until the shared tables package holds them.
 */
final class ScanOrder {
  private ScanOrder() {}

  /** Raster position of the i-th coefficient in token order. */
  static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};

  /** Probability band of the i-th coefficient in token order. */
  static final int[] COEFF_BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7};
}
