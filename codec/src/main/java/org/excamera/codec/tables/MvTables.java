package org.excamera.codec.tables;

/**
 * Motion vector probability tables (RFC 6386 §17.2), each [component 2][19]: row then column; in a
 * component, [0] is-short, [1] sign, [2..8] short tree, [9..18] long bits. Accessors copy.
 */
public final class MvTables {
  private MvTables() {}

  public static final int MV_PROB_COUNT = 19;
  public static final int IS_SHORT = 0;
  public static final int SIGN = 1;
  public static final int SHORT = 2;
  public static final int BITS = 9;
  public static final int LONG_WIDTH = 10;

  /** Default MV probabilities. */
  private static final int[] DEFAULT_MV_PROBS = {
    162, 128, 225, 146, 172, 147, 214, 39, 156, 128, 129, 132, 75, 145, 178, 206, 239, 254, 254,
    164, 128, 204, 170, 119, 235, 140, 230, 228, 128, 130, 130, 74, 148, 180, 203, 236, 254, 254,
  };

  /** Probabilities of the MV probability update flags. */
  private static final int[] MV_UPDATE_PROBS = {
    237, 246, 253, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254, 254, 250, 250, 252, 254, 254,
    231, 243, 245, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254, 254, 251, 251, 254, 254, 254,
  };

  /** Default MV probabilities [2][19], flattened. A fresh copy. */
  public static int[] defaultMvProbs() {
    return DEFAULT_MV_PROBS.clone();
  }

  /** MV update flag probabilities [2][19], flattened. A fresh copy. */
  public static int[] mvUpdateProbs() {
    return MV_UPDATE_PROBS.clone();
  }
}
