package org.excamera.codec.syntax;

/**
 * Mutable prediction records of a frame; {@link #build()} freezes them into {@link MacroblockModes}
 * and makes this builder unusable. Setters take the raster macroblock index.
 */
public final class MacroblockModesBuilder {
  final int mbCols;
  final int mbRows;
  byte[] segmentId;
  byte[] skip;
  byte[] refFrame;
  byte[] yMode;
  byte[] uvMode;
  byte[] splitType;
  byte[] bModes;
  byte[] subMvRefs;
  int[] mv;
  int[] subMvs;
  private boolean built;

  /** Records for {@code mbCols x mbRows} macroblocks, all intra DC_PRED in segment 0. */
  public MacroblockModesBuilder(int mbCols, int mbRows) {
    if (mbCols < 1 || mbRows < 1) {
      throw new IllegalArgumentException("no macroblocks: %dx%d".formatted(mbCols, mbRows));
    }
    this.mbCols = mbCols;
    this.mbRows = mbRows;
    int n = mbCols * mbRows;
    segmentId = new byte[n];
    skip = new byte[n];
    refFrame = new byte[n];
    yMode = new byte[n];
    uvMode = new byte[n];
    splitType = new byte[n];
    bModes = new byte[n * 16];
    subMvRefs = new byte[n * 16];
    mv = new int[n];
    subMvs = new int[n * 16];
  }

  MacroblockModesBuilder(MacroblockModes m) {
    mbCols = m.mbCols;
    mbRows = m.mbRows;
    segmentId = m.segmentId.clone();
    skip = m.skip.clone();
    refFrame = m.refFrame.clone();
    yMode = m.yMode.clone();
    uvMode = m.uvMode.clone();
    splitType = m.splitType.clone();
    bModes = m.bModes.clone();
    subMvRefs = m.subMvRefs.clone();
    mv = m.mv.clone();
    subMvs = m.subMvs.clone();
  }

  private void check() {
    if (built) {
      throw new IllegalStateException("this MacroblockModesBuilder has been built");
    }
  }

  public int mbCols() {
    return mbCols;
  }

  public int mbRows() {
    return mbRows;
  }

  /** Sets the segment id 0..3. */
  public MacroblockModesBuilder segmentId(int mb, int id) {
    check();
    if (id < 0 || id > 3) {
      throw new IllegalArgumentException("segment id out of range: " + id);
    }
    segmentId[mb] = (byte) id;
    return this;
  }

  /** Sets the coded {@code mb_skip_coeff} flag. */
  public MacroblockModesBuilder skip(int mb, boolean s) {
    check();
    skip[mb] = (byte) (s ? 1 : 0);
    return this;
  }

  /** Makes the macroblock intra with a 16x16 luma mode (0..3) and a chroma mode. */
  public MacroblockModesBuilder intra(int mb, int yMode16, int uvMode) {
    check();
    if (yMode16 < PredictionMode.DC_PRED || yMode16 > PredictionMode.TM_PRED) {
      throw new IllegalArgumentException("not a 16x16 intra mode: " + yMode16);
    }
    setIntra(mb, yMode16, uvMode);
    return this;
  }

  /** Makes the macroblock B_PRED with 16 subblock modes and a chroma mode. */
  public MacroblockModesBuilder bPred(int mb, int[] subblockModes, int uvMode) {
    check();
    if (subblockModes.length != 16) {
      throw new IllegalArgumentException("B_PRED needs 16 subblock modes");
    }
    setIntra(mb, PredictionMode.B_PRED, uvMode);
    for (int b = 0; b < 16; b++) {
      if (subblockModes[b] < 0 || subblockModes[b] > 9) {
        throw new IllegalArgumentException("not a subblock mode: " + subblockModes[b]);
      }
      bModes[mb * 16 + b] = (byte) subblockModes[b];
    }
    return this;
  }

  private void setIntra(int mb, int y, int uv) {
    if (uv < 0 || uv > 3) {
      throw new IllegalArgumentException("not a chroma mode: " + uv);
    }
    refFrame[mb] = ReferenceFrame.INTRA_FRAME;
    yMode[mb] = (byte) y;
    uvMode[mb] = (byte) uv;
    splitType[mb] = 0;
    mv[mb] = 0;
    java.util.Arrays.fill(bModes, mb * 16, mb * 16 + 16, (byte) 0);
    java.util.Arrays.fill(subMvRefs, mb * 16, mb * 16 + 16, (byte) 0);
    java.util.Arrays.fill(subMvs, mb * 16, mb * 16 + 16, 0);
  }

  /**
   * Makes the macroblock inter with a whole-macroblock mode (NEARESTMV, NEARMV, ZEROMV or NEWMV)
   * and its resolved motion vector. For NEARESTMV and NEARMV the vector must be the (clamped)
   * candidate of the near-MV search, for ZEROMV zero; the writer checks this.
   */
  public MacroblockModesBuilder inter(int mb, int ref, int mode, int motionVector) {
    check();
    if (ref < ReferenceFrame.LAST_FRAME || ref > ReferenceFrame.ALTREF_FRAME) {
      throw new IllegalArgumentException("not an inter reference: " + ref);
    }
    if (mode < PredictionMode.NEARESTMV || mode > PredictionMode.NEWMV) {
      throw new IllegalArgumentException("not a whole-macroblock inter mode: " + mode);
    }
    setIntra(mb, mode, 0);
    refFrame[mb] = (byte) ref;
    mv[mb] = motionVector;
    return this;
  }

  /**
   * Makes the macroblock SPLITMV: split type, the sub-MV reference of each subblock's partition and
   * each subblock's resolved vector (all subblocks of a partition share both).
   */
  public MacroblockModesBuilder split(int mb, int ref, int type, int[] subRefs, int[] vectors) {
    check();
    if (ref < ReferenceFrame.LAST_FRAME || ref > ReferenceFrame.ALTREF_FRAME) {
      throw new IllegalArgumentException("not an inter reference: " + ref);
    }
    if (type < 0 || type > 3 || subRefs.length != 16 || vectors.length != 16) {
      throw new IllegalArgumentException("SPLITMV needs a split type and 16 references and MVs");
    }
    setIntra(mb, PredictionMode.SPLITMV, 0);
    refFrame[mb] = (byte) ref;
    splitType[mb] = (byte) type;
    for (int b = 0; b < 16; b++) {
      if (subRefs[b] < 0 || subRefs[b] > 3) {
        throw new IllegalArgumentException("not a sub-MV reference: " + subRefs[b]);
      }
      subMvRefs[mb * 16 + b] = (byte) subRefs[b];
      subMvs[mb * 16 + b] = vectors[b];
    }
    mv[mb] = vectors[15];
    return this;
  }

  /** Freezes the records. */
  public MacroblockModes build() {
    check();
    built = true;
    return new MacroblockModes(this);
  }
}
