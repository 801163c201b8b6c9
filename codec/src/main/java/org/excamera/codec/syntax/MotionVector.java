package org.excamera.codec.syntax;

/**
 * Motion vectors packed in an {@code int}: the row (vertical) component in the high 16 bits and the
 * column in the low 16, each a signed 16-bit count of quarter pixels times two (eighth-pel units,
 * always even for luma; RFC 6386 §17). Components wrap at 16 bits as in libvpx, and two vectors are
 * equal iff their packed values are.
 */
public final class MotionVector {
  private MotionVector() {}

  /** The zero vector. */
  public static final int ZERO = 0;

  /** Packs a row and column (each wrapped to 16 bits). */
  public static int of(int row, int col) {
    return (row << 16) | (col & 0xFFFF);
  }

  /** The row component. */
  public static int row(int mv) {
    return mv >> 16;
  }

  /** The column component. */
  public static int col(int mv) {
    return (short) mv;
  }

  /** Component-wise sum, wrapped to 16 bits. */
  public static int add(int a, int b) {
    return of(row(a) + row(b), col(a) + col(b));
  }

  /** Both components negated, wrapped to 16 bits. */
  public static int negate(int mv) {
    return of(-row(mv), -col(mv));
  }

  /** Readable form "(row,col)". */
  public static String toString(int mv) {
    return "(" + row(mv) + "," + col(mv) + ")";
  }
}
