package org.excamera.codec.encode;

/**
 * The DCT coefficient tokens of RFC 6386 §13.2: their numbering, tree, extra-bit categories, and
 * the cost (1/256 bit) of the bits a value carries beyond its token, as libvpx's {@code
 * dct_value_cost} holds it: the category's extra bits, most significant first, with the fixed
 * {@code Pcat} probabilities, plus the sign coded at probability 128 (255 for +, 257 for −); zero
 * carries nothing.
 */
public final class DctTokens {
  private DctTokens() {}

  public static final int ZERO = 0;
  public static final int ONE = 1;
  public static final int TWO = 2;
  public static final int THREE = 3;
  public static final int FOUR = 4;
  public static final int CAT1 = 5;
  public static final int CAT2 = 6;
  public static final int CAT3 = 7;
  public static final int CAT4 = 8;
  public static final int CAT5 = 9;
  public static final int CAT6 = 10;
  public static final int EOB = 11;
  public static final int COUNT = 12;

  /** Largest magnitude a token can carry: cat6 base 67 plus 11 extra bits. */
  public static final int MAX_MAGNITUDE = 67 + 2047;

  /** RFC 6386 §13.2 {@code coeff_tree}. */
  static final int[] TREE = {
    -EOB, 2, -ZERO, 4, -ONE, 6, 8, 12, -TWO, 10, -THREE, -FOUR, 14, 16, -CAT1, -CAT2, 18, 20, -CAT3,
    -CAT4, -CAT5, -CAT6
  };

  /** Tree index to start at when an EOB cannot occur (after a ZERO token). */
  static final int START_WITHOUT_EOB = 2;

  private static final int[] CAT_BASE = {5, 7, 11, 19, 35, 67};
  private static final int[][] PCAT = {
    {159},
    {165, 145},
    {173, 148, 140},
    {176, 155, 140, 135},
    {180, 157, 141, 134, 130},
    {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129},
  };

  // Indexed by value + MAX_MAGNITUDE.
  private static final byte[] TOKEN_OF = new byte[2 * MAX_MAGNITUDE + 1];
  private static final short[] VALUE_COST = new short[2 * MAX_MAGNITUDE + 1];

  static {
    for (int v = -MAX_MAGNITUDE; v <= MAX_MAGNITUDE; v++) {
      int a = Math.abs(v);
      int t;
      int cost = 0;
      if (a <= 4) {
        t = a;
      } else {
        int cat = CAT_BASE.length - 1;
        while (CAT_BASE[cat] > a) {
          cat--;
        }
        t = CAT1 + cat;
        int[] p = PCAT[cat];
        int extra = a - CAT_BASE[cat];
        for (int k = 0; k < p.length; k++) {
          cost += BoolCosts.cost(p[k], (extra >> (p.length - 1 - k)) & 1);
        }
      }
      if (v != 0) {
        cost += BoolCosts.cost(128, v < 0 ? 1 : 0);
      }
      TOKEN_OF[v + MAX_MAGNITUDE] = (byte) t;
      VALUE_COST[v + MAX_MAGNITUDE] = (short) cost;
    }
  }

  /** The token of coefficient value {@code v}. */
  public static int token(int v) {
    return TOKEN_OF[index(v)];
  }

  /** Cost of the extra bits and the sign of coefficient value {@code v} (0 for zero). */
  public static int valueCost(int v) {
    return VALUE_COST[index(v)];
  }

  /** Base value of category token {@code token} ({@link #CAT1}..{@link #CAT6}). */
  public static int categoryBase(int token) {
    return CAT_BASE[token - CAT1];
  }

  /** Number of extra bits of category token {@code token}. */
  public static int extraBits(int token) {
    return PCAT[token - CAT1].length;
  }

  /** Probability of extra bit {@code k} (0 = most significant) of category token {@code token}. */
  public static int extraBitProbability(int token, int k) {
    return PCAT[token - CAT1][k];
  }

  /**
   * The context class a token leaves for the next coefficient (RFC 6386 §13.3): 0 after ZERO, 1
   * after ONE, 2 after anything larger.
   */
  public static int contextAfter(int token) {
    return token == ZERO ? 0 : token == ONE ? 1 : 2;
  }

  private static int index(int v) {
    if (v < -MAX_MAGNITUDE || v > MAX_MAGNITUDE) {
      throw new IllegalArgumentException(
          "coefficient %d is beyond what a token can carry (±%d)".formatted(v, MAX_MAGNITUDE));
    }
    return v + MAX_MAGNITUDE;
  }
}
