package org.excamera.codec.syntax;

/** Reference frame numbers (RFC 6386 §9.7): intra (the current frame), last, golden, altref. */
public final class ReferenceFrame {
  private ReferenceFrame() {}

  public static final int INTRA_FRAME = 0;
  public static final int LAST_FRAME = 1;
  public static final int GOLDEN_FRAME = 2;
  public static final int ALTREF_FRAME = 3;
}
