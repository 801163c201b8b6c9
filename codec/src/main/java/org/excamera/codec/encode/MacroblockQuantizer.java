package org.excamera.codec.encode;

/**
 * The quantizer settings of one macroblock: the tables of its segment and the extra zero bins of
 * its Y1, Y2 and chroma blocks ({@link ZbinBoost}). Immutable.
 */
public record MacroblockQuantizer(QuantizerTables tables, int y1Extra, int y2Extra, int uvExtra) {

  /** The tables with no extra zero bin. */
  public static MacroblockQuantizer of(QuantizerTables tables) {
    return new MacroblockQuantizer(tables, 0, 0, 0);
  }

  /**
   * The tables with libvpx's mode boost of the zero bin ({@code vp8_update_zbin_extra} with
   * over-quant and activity adjustment 0): {@link ZbinBoost#LAST_ZEROMV} for ZEROMV from last,
   * {@link ZbinBoost#GOLDEN_ZEROMV} for ZEROMV from golden or altref, {@link ZbinBoost#MOTION} for
   * the other whole-macroblock inter modes, none for SPLITMV and intra.
   *
   * @param modeBoost one of the {@link ZbinBoost} constants, or 0
   */
  public static MacroblockQuantizer withModeBoost(QuantizerTables tables, int modeBoost) {
    DequantFactors f = tables.factors();
    return new MacroblockQuantizer(
        tables,
        ZbinBoost.extra(f.y1Ac(), 0, modeBoost, 0),
        ZbinBoost.extraY2(f.y2Ac(), 0, modeBoost, 0),
        ZbinBoost.extra(f.uvAc(), 0, modeBoost, 0));
  }
}
