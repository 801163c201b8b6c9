package org.excamera.codec.tables;

/**
 * Sub-pixel interpolation taps (RFC 6386 §18.3), indexed by the eighth-pel fraction 0..7, six taps
 * each applied to pixels -2..+3; the bilinear taps sit at positions 2 and 3. Accessors copy.
 */
public final class FilterTaps {
  private FilterTaps() {}

  private static final int[] SIXTAP_FILTERS = {
    0, 0, 128, 0, 0, 0,
    0, -6, 123, 12, -1, 0,
    2, -11, 108, 36, -8, 1,
    0, -9, 93, 50, -6, 0,
    3, -16, 77, 77, -16, 3,
    0, -6, 50, 93, -9, 0,
    1, -8, 36, 108, -11, 2,
    0, -1, 12, 123, -6, 0
  };

  private static final int[] BILINEAR_FILTERS = {
    128, 0, 112, 16, 96, 32, 80, 48, 64, 64, 48, 80, 32, 96, 16, 112
  };

  /** Six-tap filters [8][6], flattened. */
  public static int[] sixtapFilters() {
    return SIXTAP_FILTERS.clone();
  }

  /** Bilinear filters [8][2], flattened. */
  public static int[] bilinearFilters() {
    return BILINEAR_FILTERS.clone();
  }
}
