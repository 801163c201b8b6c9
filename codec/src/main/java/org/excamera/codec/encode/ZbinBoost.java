package org.excamera.codec.encode;

/**
 * The per-macroblock extra zero bin of libvpx ({@code zbin_extra}, set by {@code
 * vp8cx_mb_init_quantizer}/{@code vp8_update_zbin_extra}): {@code (acStep · boost) >> 7} kept to 16
 * bits, where boost = over-quant + mode boost + activity adjustment, except that the Y2 block takes
 * only half the over-quant. The mode boost libvpx uses when {@code zbin_mode_boost_enabled}: {@link
 * #LAST_ZEROMV} for ZEROMV from LAST, {@link #GOLDEN_ZEROMV} for ZEROMV from golden or altref,
 * {@link #MOTION} for other inter modes except SPLITMV, 0 for SPLITMV and intra.
 */
public final class ZbinBoost {
  private ZbinBoost() {}

  /** libvpx {@code LF_ZEROMV_ZBIN_BOOST}. */
  public static final int LAST_ZEROMV = 6;

  /** libvpx {@code GF_ZEROMV_ZBIN_BOOST}. */
  public static final int GOLDEN_ZEROMV = 12;

  /** libvpx {@code MV_ZBIN_BOOST}. */
  public static final int MOTION = 4;

  /** The extra zero bin of a Y1 or UV block with that type's AC step. */
  public static int extra(int acStep, int overQuant, int modeBoost, int activityAdjust) {
    return (short) ((acStep * (overQuant + modeBoost + activityAdjust)) >> 7);
  }

  /** The extra zero bin of the Y2 block (half the over-quant, rounded towards zero as in C). */
  public static int extraY2(int acStep, int overQuant, int modeBoost, int activityAdjust) {
    return (short) ((acStep * (overQuant / 2 + modeBoost + activityAdjust)) >> 7);
  }
}
