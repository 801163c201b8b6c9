package org.excamera.codec.syntax;

import org.excamera.codec.bool.BoolEncoder;
import org.excamera.codec.bool.Tree;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.UpdateSegmentation;
import org.excamera.codec.tables.ModeTables;
import org.excamera.codec.tables.MvTables;

/**
 * Writes the per-macroblock prediction records into the first partition, the exact inverse of
 * {@link ModeReader}. Motion vectors are coded against the same near-MV search the reader runs, so
 * a record that claims NEARESTMV, NEARMV, ZEROMV, LEFT4X4, ABOVE4X4 or ZERO4X4 must carry exactly
 * the vector the decoder will derive; a mismatch is an {@link IllegalArgumentException} naming the
 * macroblock.
 */
final class ModeWriter {
  private static final Tree KF_YMODE_TREE = new Tree(ModeTables.kfYModeTree());
  private static final Tree YMODE_TREE = new Tree(ModeTables.yModeTree());
  private static final Tree UV_MODE_TREE = new Tree(ModeTables.uvModeTree());
  private static final Tree BMODE_TREE = new Tree(ModeTables.bModeTree());
  private static final Tree MV_REF_TREE = new Tree(ModeTables.mvRefTree());
  private static final Tree SUBMV_REF_TREE = new Tree(ModeTables.subMvRefTree());
  private static final Tree SPLIT_MV_TREE = new Tree(ModeTables.splitMvTree());
  private static final Tree SMALL_MV_TREE = new Tree(ModeTables.smallMvTree());
  private static final int[] KF_YMODE_PROBS = ModeTables.kfYModeProbs();
  private static final int[] KF_UV_MODE_PROBS = ModeTables.kfUvModeProbs();
  private static final int[] KF_BMODE_PROBS = ModeTables.kfBModeProbs();
  private static final int[] BMODE_PROBS = ModeTables.defaultBModeProbs();
  private static final int[] SPLIT_MV_PROBS = ModeTables.splitMvProbs();
  private static final int[] SUBMV_REF_PROBS = ModeTables.subMvRefProbs();

  private final BoolEncoder out;
  private final FrameHeader header;
  private final FrameProbabilities probs;
  private final MacroblockModesBuilder m;
  private final NearMvSearch search = new NearMvSearch();

  private ModeWriter(
      BoolEncoder out, FrameHeader header, FrameProbabilities probs, MacroblockModes modes) {
    this.out = out;
    this.header = header;
    this.probs = probs;
    this.m = modes.toBuilder();
  }

  static void write(
      BoolEncoder out, FrameHeader header, FrameProbabilities probs, MacroblockModes modes) {
    new ModeWriter(out, header, probs, modes).writeAll();
  }

  private void writeAll() {
    UpdateSegmentation seg = header.segmentation();
    boolean updateMap = seg.updateMbSegmentationMap();
    boolean key = header.keyFrame();
    int mb = 0;
    for (int row = 0; row < m.mbRows; row++) {
      for (int col = 0; col < m.mbCols; col++, mb++) {
        if (updateMap) {
          int id = m.segmentId[mb];
          out.writeBit(id >> 1, seg.treeProb(0));
          out.writeBit(id & 1, seg.treeProb(1 + (id >> 1)));
        }
        if (header.mbNoSkipCoeff()) {
          out.writeBit(m.skip[mb], header.probSkipFalse());
        } else if (m.skip[mb] != 0) {
          throw new IllegalArgumentException(
              "macroblock (%d,%d) is marked skip but the frame does not code skip flags"
                  .formatted(row, col));
        }
        int y = m.yMode[mb];
        if (key) {
          if (PredictionMode.isInter(y)) {
            throw new IllegalArgumentException(
                "macroblock (%d,%d) of a key frame is inter".formatted(row, col));
          }
          KF_YMODE_TREE.write(out, y, KF_YMODE_PROBS, 0);
          if (y == PredictionMode.B_PRED) {
            for (int b = 0; b < 16; b++) {
              int a = SubblockContexts.aboveBlockMode(m, mb, row, b);
              int l = SubblockContexts.leftBlockMode(m, mb, col, b);
              BMODE_TREE.write(out, m.bModes[mb * 16 + b], KF_BMODE_PROBS, (a * 10 + l) * 9);
            }
          }
          UV_MODE_TREE.write(out, m.uvMode[mb], KF_UV_MODE_PROBS, 0);
        } else if (PredictionMode.isInter(y)) {
          out.writeBool(true, header.interProbs().probIntra());
          writeInter(mb, row, col);
        } else {
          out.writeBool(false, header.interProbs().probIntra());
          YMODE_TREE.write(out, y, probs.yMode, 0);
          if (y == PredictionMode.B_PRED) {
            for (int b = 0; b < 16; b++) {
              BMODE_TREE.write(out, m.bModes[mb * 16 + b], BMODE_PROBS, 0);
            }
          }
          UV_MODE_TREE.write(out, m.uvMode[mb], probs.uvMode, 0);
        }
      }
    }
  }

  private void writeInter(int mb, int row, int col) {
    int ref = m.refFrame[mb];
    out.writeBool(ref != ReferenceFrame.LAST_FRAME, header.interProbs().probLast());
    if (ref != ReferenceFrame.LAST_FRAME) {
      out.writeBool(ref == ReferenceFrame.ALTREF_FRAME, header.interProbs().probGf());
    }
    search.find(m, row, col, ref, probs.signBias);
    int mode = m.yMode[mb];
    MV_REF_TREE.write(out, mode, search.probs, 0);
    int v = m.mv[mb];
    switch (mode) {
      case PredictionMode.NEARESTMV ->
          expect(v, search.clamped(NearMvSearch.NEAREST), mb, "NEARESTMV");
      case PredictionMode.NEARMV -> expect(v, search.clamped(NearMvSearch.NEAR), mb, "NEARMV");
      case PredictionMode.ZEROMV -> expect(v, 0, mb, "ZEROMV");
      case PredictionMode.NEWMV -> writeMv(v, search.clamped(NearMvSearch.BEST), mb);
      case PredictionMode.SPLITMV -> writeSplit(mb, row, col, search.clamped(NearMvSearch.BEST));
      default -> throw new AssertionError("inter mode " + mode);
    }
  }

  private void writeSplit(int mb, int row, int col, int best) {
    int type = m.splitType[mb];
    SPLIT_MV_TREE.write(out, type, SPLIT_MV_PROBS, 0);
    for (int j = 0; j < SubblockContexts.MV_PARTITION_COUNT[type]; j++) {
      int k = SubblockContexts.firstBlock(type, j);
      int left = SubblockContexts.leftBlockMv(m, mb, col, k);
      int above = SubblockContexts.aboveBlockMv(m, mb, row, k);
      int ctx = SubblockContexts.subMvContext(left, above);
      int sub = m.subMvRefs[mb * 16 + k];
      int v = m.subMvs[mb * 16 + k];
      SUBMV_REF_TREE.write(out, sub, SUBMV_REF_PROBS, ctx * 3);
      switch (sub) {
        case PredictionMode.LEFT4X4 -> expect(v, left, mb, "LEFT4X4");
        case PredictionMode.ABOVE4X4 -> expect(v, above, mb, "ABOVE4X4");
        case PredictionMode.ZERO4X4 -> expect(v, 0, mb, "ZERO4X4");
        default -> writeMv(v, best, mb);
      }
      for (int b = k; b < 16; b++) {
        if (SubblockContexts.MV_PARTITIONS[type * 16 + b] == j
            && (m.subMvs[mb * 16 + b] != v || m.subMvRefs[mb * 16 + b] != sub)) {
          throw new IllegalArgumentException(
              "macroblock %d: subblocks of split partition %d differ".formatted(mb, j));
        }
      }
    }
  }

  private void expect(int actual, int expected, int mb, String mode) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "macroblock (%d,%d): %s vector %s is not the derived %s"
              .formatted(
                  mb / m.mbCols,
                  mb % m.mbCols,
                  mode,
                  MotionVector.toString(actual),
                  MotionVector.toString(expected)));
    }
  }

  private void writeMv(int v, int best, int mb) {
    int dr = MotionVector.row(v) - MotionVector.row(best);
    int dc = MotionVector.col(v) - MotionVector.col(best);
    if ((dr & 1) != 0 || (dc & 1) != 0 || Math.abs(dr) > 2046 || Math.abs(dc) > 2046) {
      throw new IllegalArgumentException(
          "macroblock (%d,%d): new vector %s is not codable against %s"
              .formatted(
                  mb / m.mbCols,
                  mb % m.mbCols,
                  MotionVector.toString(v),
                  MotionVector.toString(best)));
    }
    writeMvComponent(dr >> 1, 0);
    writeMvComponent(dc >> 1, MvTables.MV_PROB_COUNT);
  }

  private void writeMvComponent(int v, int o) {
    int[] p = probs.mv;
    int x = Math.abs(v);
    if (x < 8) {
      out.writeBool(false, p[o + MvTables.IS_SHORT]);
      SMALL_MV_TREE.write(out, x, p, o + MvTables.SHORT);
      if (x == 0) {
        return;
      }
    } else {
      out.writeBool(true, p[o + MvTables.IS_SHORT]);
      for (int i = 0; i < 3; i++) {
        out.writeBit((x >> i) & 1, p[o + MvTables.BITS + i]);
      }
      for (int i = MvTables.LONG_WIDTH - 1; i > 3; i--) {
        out.writeBit((x >> i) & 1, p[o + MvTables.BITS + i]);
      }
      if ((x & 0xFFF0) != 0) {
        out.writeBit((x >> 3) & 1, p[o + MvTables.BITS + 3]);
      }
    }
    out.writeBool(v < 0, p[o + MvTables.SIGN]);
  }
}
