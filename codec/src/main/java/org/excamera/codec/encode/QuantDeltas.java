package org.excamera.codec.encode;

/**
 * The five quantizer index deltas of a VP8 frame header (RFC 6386 §9.6, §19.2 {@code
 * quant_indices}): each is added to the base index {@code y_ac_qi} and the sum clamped to 0..127
 * before the table lookup. Luma AC has no delta.
 */
public record QuantDeltas(int y1Dc, int y2Dc, int y2Ac, int uvDc, int uvAc) {
  /** No deltas. */
  public static final QuantDeltas NONE = new QuantDeltas(0, 0, 0, 0, 0);

  public QuantDeltas {
    for (int d : new int[] {y1Dc, y2Dc, y2Ac, uvDc, uvAc}) {
      if (d < -15 || d > 15) {
        throw new IllegalArgumentException("quantizer delta must be in -15..15: " + d);
      }
    }
  }

  /**
   * The deltas libvpx's {@code vp8_set_quantizer} chooses for base index {@code q} (not in screen
   * content mode): {@code y2dc = 4 - q} below 4, everything else 0, so that the Y2 DC step never
   * falls under the one of index 4.
   */
  public static QuantDeltas libvpxDefault(int q) {
    return q < 4 ? new QuantDeltas(0, 4 - q, 0, 0, 0) : NONE;
  }
}
