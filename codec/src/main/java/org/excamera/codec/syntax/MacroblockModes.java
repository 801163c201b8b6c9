package org.excamera.codec.syntax;

import java.util.Arrays;

/**
 * The prediction records of every macroblock of a frame (RFC 6386 §11, §16, §19.3), in raster order
 * ({@code mb = row * mbCols + col}), stored as parallel primitive arrays. Per macroblock: segment
 * id (the effective one, persisted from earlier frames when the map is not updated), the coded
 * {@code mb_skip_coeff} flag, reference frame, luma mode ({@link PredictionMode}), chroma mode
 * (intra), subblock modes (B_PRED), split type, per-subblock sub-MV references and motion vectors
 * (SPLITMV), and the macroblock motion vector (for SPLITMV the vector of subblock 15, as the
 * near-MV search of later macroblocks uses it). Immutable; edit through {@link #toBuilder()}.
 */
public final class MacroblockModes {
  final int mbCols;
  final int mbRows;
  final byte[] segmentId;
  final byte[] skip;
  final byte[] refFrame;
  final byte[] yMode;
  final byte[] uvMode;
  final byte[] splitType;
  final byte[] bModes;
  final byte[] subMvRefs;
  final int[] mv;
  final int[] subMvs;

  MacroblockModes(MacroblockModesBuilder b) {
    mbCols = b.mbCols;
    mbRows = b.mbRows;
    segmentId = b.segmentId;
    skip = b.skip;
    refFrame = b.refFrame;
    yMode = b.yMode;
    uvMode = b.uvMode;
    splitType = b.splitType;
    bModes = b.bModes;
    subMvRefs = b.subMvRefs;
    mv = b.mv;
    subMvs = b.subMvs;
  }

  /** Macroblock columns. */
  public int mbCols() {
    return mbCols;
  }

  /** Macroblock rows. */
  public int mbRows() {
    return mbRows;
  }

  /** Number of macroblocks. */
  public int count() {
    return mbCols * mbRows;
  }

  /** Segment id 0..3. */
  public int segmentId(int mb) {
    return segmentId[mb];
  }

  /** The coded {@code mb_skip_coeff} (false when the frame does not code it). */
  public boolean skip(int mb) {
    return skip[mb] != 0;
  }

  /** Reference frame ({@link ReferenceFrame}). */
  public int refFrame(int mb) {
    return refFrame[mb];
  }

  /** Luma mode, intra 0..4 or inter 5..9 ({@link PredictionMode}). */
  public int yMode(int mb) {
    return yMode[mb];
  }

  /** Chroma mode 0..3 (intra macroblocks). */
  public int uvMode(int mb) {
    return uvMode[mb];
  }

  /** Split type 0..3 (SPLITMV macroblocks). */
  public int splitType(int mb) {
    return splitType[mb];
  }

  /** Subblock intra mode of subblock {@code b} (B_PRED macroblocks). */
  public int bMode(int mb, int b) {
    return bModes[mb * 16 + b];
  }

  /** Sub-MV reference of the partition subblock {@code b} belongs to (SPLITMV macroblocks). */
  public int subMvRef(int mb, int b) {
    return subMvRefs[mb * 16 + b];
  }

  /** Macroblock motion vector ({@link MotionVector}); 0 for intra macroblocks. */
  public int mv(int mb) {
    return mv[mb];
  }

  /** Motion vector of subblock {@code b}: the split vector, or the macroblock vector. */
  public int subMv(int mb, int b) {
    return yMode[mb] == PredictionMode.SPLITMV ? subMvs[mb * 16 + b] : mv[mb];
  }

  /** Whether the macroblock has a Y2 block (neither B_PRED nor SPLITMV). */
  public boolean hasY2(int mb) {
    return yMode[mb] != PredictionMode.B_PRED && yMode[mb] != PredictionMode.SPLITMV;
  }

  /** A builder holding a copy of these records. */
  public MacroblockModesBuilder toBuilder() {
    return new MacroblockModesBuilder(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MacroblockModes m
        && m.mbCols == mbCols
        && m.mbRows == mbRows
        && Arrays.equals(m.segmentId, segmentId)
        && Arrays.equals(m.skip, skip)
        && Arrays.equals(m.refFrame, refFrame)
        && Arrays.equals(m.yMode, yMode)
        && Arrays.equals(m.uvMode, uvMode)
        && Arrays.equals(m.splitType, splitType)
        && Arrays.equals(m.bModes, bModes)
        && Arrays.equals(m.subMvRefs, subMvRefs)
        && Arrays.equals(m.mv, mv)
        && Arrays.equals(m.subMvs, subMvs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(yMode) * 31 + Arrays.hashCode(mv);
  }

  @Override
  public String toString() {
    return "MacroblockModes[" + mbCols + "x" + mbRows + "]";
  }
}
