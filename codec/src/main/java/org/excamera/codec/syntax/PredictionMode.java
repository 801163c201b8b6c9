package org.excamera.codec.syntax;

/**
 * Mode numbers with RFC 6386 names. Macroblock luma modes: intra 0..4 ({@link #DC_PRED}..{@link
 * #B_PRED}) and inter 5..9 ({@link #NEARESTMV}..{@link #SPLITMV}); chroma modes are 0..3. Subblock
 * intra modes {@link #B_DC_PRED}..{@link #B_HU_PRED} are 0..9, sub-MV references {@link
 * #LEFT4X4}..{@link #NEW4X4} are 0..3, and split types {@link #SPLIT_16X8}..{@link #SPLIT_4X4}
 * 0..3.
 */
public final class PredictionMode {
  private PredictionMode() {}

  public static final int DC_PRED = 0;
  public static final int V_PRED = 1;
  public static final int H_PRED = 2;
  public static final int TM_PRED = 3;
  public static final int B_PRED = 4;
  public static final int NEARESTMV = 5;
  public static final int NEARMV = 6;
  public static final int ZEROMV = 7;
  public static final int NEWMV = 8;
  public static final int SPLITMV = 9;

  public static final int B_DC_PRED = 0;
  public static final int B_TM_PRED = 1;
  public static final int B_VE_PRED = 2;
  public static final int B_HE_PRED = 3;
  public static final int B_LD_PRED = 4;
  public static final int B_RD_PRED = 5;
  public static final int B_VR_PRED = 6;
  public static final int B_VL_PRED = 7;
  public static final int B_HD_PRED = 8;
  public static final int B_HU_PRED = 9;

  public static final int LEFT4X4 = 0;
  public static final int ABOVE4X4 = 1;
  public static final int ZERO4X4 = 2;
  public static final int NEW4X4 = 3;

  /** Two partitions, top and bottom 16x8. */
  public static final int SPLIT_16X8 = 0;

  /** Two partitions, left and right 8x16. */
  public static final int SPLIT_8X16 = 1;

  /** Four 8x8 quarters. */
  public static final int SPLIT_8X8 = 2;

  /** Sixteen 4x4 subblocks. */
  public static final int SPLIT_4X4 = 3;

  /** Whether a luma mode is an inter mode. */
  public static boolean isInter(int yMode) {
    return yMode >= NEARESTMV;
  }

  /**
   * The subblock mode a 16x16 luma mode implies for its subblocks, used as context when a key
   * frame's neighbour is not B_PRED (RFC 6386 §11.3).
   */
  public static int impliedSubblockMode(int yMode) {
    return switch (yMode) {
      case V_PRED -> B_VE_PRED;
      case H_PRED -> B_HE_PRED;
      case TM_PRED -> B_TM_PRED;
      default -> B_DC_PRED;
    };
  }
}
