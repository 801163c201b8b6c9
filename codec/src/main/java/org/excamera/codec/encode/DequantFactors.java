package org.excamera.codec.encode;

/**
 * The six dequantization factors of a frame or segment (RFC 6386 §14.1), computed as libvpx's
 * {@code vp8/common/quant_common.c} does: index + delta clamped to 0..127, then {@code
 * dc_qlookup}/{@code ac_qlookup}; Y2 DC doubled; Y2 AC times 155/100 (as {@code x·101581 >> 16},
 * equal for every table value) and at least 8; UV DC at most 132.
 */
public record DequantFactors(int y1Dc, int y1Ac, int y2Dc, int y2Ac, int uvDc, int uvAc) {

  /** Number of quantizer indices. */
  public static final int QINDEX_RANGE = 128;

  private static final int[] DC_QLOOKUP = {
    4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23,
    23, 24, 25, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 37, 38, 39, 40, 41, 42, 43, 44,
    45, 46, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67,
    68, 69, 70, 71, 72, 73, 74, 75, 76, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91,
    93, 95, 96, 98, 100, 101, 102, 104, 106, 108, 110, 112, 114, 116, 118, 122, 124, 126, 128, 130,
    132, 134, 136, 138, 140, 143, 145, 148, 151, 154, 157,
  };

  private static final int[] AC_QLOOKUP = {
    4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
    29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    53, 54, 55, 56, 57, 58, 60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 82, 84, 86, 88, 90, 92, 94,
    96, 98, 100, 102, 104, 106, 108, 110, 112, 114, 116, 119, 122, 125, 128, 131, 134, 137, 140,
    143, 146, 149, 152, 155, 158, 161, 164, 167, 170, 173, 177, 181, 185, 189, 193, 197, 201, 205,
    209, 213, 217, 221, 225, 229, 234, 239, 245, 249, 254, 259, 264, 269, 274, 279, 284,
  };

  /** The factors for base index {@code qIndex} (0..127) with {@code deltas}. */
  public static DequantFactors of(int qIndex, QuantDeltas deltas) {
    if (qIndex < 0 || qIndex >= QINDEX_RANGE) {
      throw new IllegalArgumentException("quantizer index must be 0..127: " + qIndex);
    }
    return new DequantFactors(
        DC_QLOOKUP[clamp(qIndex + deltas.y1Dc())],
        AC_QLOOKUP[qIndex],
        DC_QLOOKUP[clamp(qIndex + deltas.y2Dc())] * 2,
        Math.max(8, AC_QLOOKUP[clamp(qIndex + deltas.y2Ac())] * 101581 >> 16),
        Math.min(132, DC_QLOOKUP[clamp(qIndex + deltas.uvDc())]),
        AC_QLOOKUP[clamp(qIndex + deltas.uvAc())]);
  }

  private static int clamp(int q) {
    return Math.max(0, Math.min(QINDEX_RANGE - 1, q));
  }
}
