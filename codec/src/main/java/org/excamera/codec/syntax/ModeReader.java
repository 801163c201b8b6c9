package org.excamera.codec.syntax;

import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.Tree;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.UpdateSegmentation;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.tables.ModeTables;
import org.excamera.codec.tables.MvTables;

/**
 * Reads the per-macroblock prediction records from the first partition (RFC 6386 §11, §16, §17,
 * §19.3), in raster order, following the reference decoder: segment id, skip flag, then key frame
 * modes with contextual subblock probabilities, or for interframes intra modes with the frame's
 * probabilities or a reference frame, inter mode and motion vector(s) from the near-MV search.
 */
final class ModeReader {
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

  private final BoolDecoder in;
  private final FrameHeader header;
  private final FrameProbabilities probs;
  private final MacroblockModesBuilder out;
  private final NearMvSearch search = new NearMvSearch();
  private final int[] segmentProbs = new int[3];

  private ModeReader(
      BoolDecoder in, FrameHeader header, FrameProbabilities probs, MacroblockModesBuilder out) {
    this.in = in;
    this.header = header;
    this.probs = probs;
    this.out = out;
  }

  /** Reads all records into a builder of the frame's macroblock size. */
  static MacroblockModes read(
      BoolDecoder in,
      FrameHeader header,
      FrameProbabilities probs,
      Segmentation previous,
      int mbCols,
      int mbRows) {
    MacroblockModesBuilder out = new MacroblockModesBuilder(mbCols, mbRows);
    new ModeReader(in, header, probs, out).readAll(previous);
    return out.build();
  }

  private void readAll(Segmentation previous) {
    UpdateSegmentation seg = header.segmentation();
    boolean updateMap = seg.updateMbSegmentationMap();
    for (int i = 0; i < 3; i++) {
      segmentProbs[i] = seg.treeProb(i);
    }
    boolean key = header.keyFrame();
    boolean codedSkip = header.mbNoSkipCoeff();
    int probSkip = header.probSkipFalse();
    int probIntra = header.interProbs().probIntra();
    int mb = 0;
    for (int row = 0; row < out.mbRows; row++) {
      for (int col = 0; col < out.mbCols; col++, mb++) {
        if (updateMap) {
          out.segmentId[mb] = (byte) readSegmentId();
        } else if (!key) {
          out.segmentId[mb] = (byte) previous.segmentId(mb);
        }
        if (codedSkip) {
          out.skip[mb] = (byte) in.readBit(probSkip);
        }
        if (key) {
          readKeyFrameModes(mb, row, col);
        } else if (in.readBool(probIntra)) {
          readInterModes(mb, row, col);
        } else {
          readIntraModes(mb);
        }
      }
      if (in.overran()) {
        throw new CorruptFrameException(
            "first partition ran out of data in macroblock row %d".formatted(row));
      }
    }
  }

  private int readSegmentId() {
    return in.readBool(segmentProbs[0])
        ? 2 + in.readBit(segmentProbs[2])
        : in.readBit(segmentProbs[1]);
  }

  private void readKeyFrameModes(int mb, int row, int col) {
    int y = KF_YMODE_TREE.read(in, KF_YMODE_PROBS, 0);
    out.yMode[mb] = (byte) y;
    if (y == PredictionMode.B_PRED) {
      for (int b = 0; b < 16; b++) {
        int a = SubblockContexts.aboveBlockMode(out, mb, row, b);
        int l = SubblockContexts.leftBlockMode(out, mb, col, b);
        out.bModes[mb * 16 + b] = (byte) BMODE_TREE.read(in, KF_BMODE_PROBS, (a * 10 + l) * 9);
      }
    }
    out.uvMode[mb] = (byte) UV_MODE_TREE.read(in, KF_UV_MODE_PROBS, 0);
  }

  private void readIntraModes(int mb) {
    int y = YMODE_TREE.read(in, probs.yMode, 0);
    out.yMode[mb] = (byte) y;
    if (y == PredictionMode.B_PRED) {
      for (int b = 0; b < 16; b++) {
        out.bModes[mb * 16 + b] = (byte) BMODE_TREE.read(in, BMODE_PROBS, 0);
      }
    }
    out.uvMode[mb] = (byte) UV_MODE_TREE.read(in, probs.uvMode, 0);
  }

  private void readInterModes(int mb, int row, int col) {
    int ipl = header.interProbs().probLast();
    int ref =
        in.readBool(ipl)
            ? (in.readBool(header.interProbs().probGf())
                ? ReferenceFrame.ALTREF_FRAME
                : ReferenceFrame.GOLDEN_FRAME)
            : ReferenceFrame.LAST_FRAME;
    out.refFrame[mb] = (byte) ref;
    search.find(out, row, col, ref, probs.signBias);
    int mode = MV_REF_TREE.read(in, search.probs, 0);
    out.yMode[mb] = (byte) mode;
    switch (mode) {
      case PredictionMode.NEARESTMV -> out.mv[mb] = search.clamped(NearMvSearch.NEAREST);
      case PredictionMode.NEARMV -> out.mv[mb] = search.clamped(NearMvSearch.NEAR);
      case PredictionMode.ZEROMV -> out.mv[mb] = 0;
      case PredictionMode.NEWMV ->
          out.mv[mb] = MotionVector.add(readMv(), search.clamped(NearMvSearch.BEST));
      case PredictionMode.SPLITMV -> readSplit(mb, row, col, search.clamped(NearMvSearch.BEST));
      default -> throw new AssertionError("inter mode " + mode);
    }
  }

  private void readSplit(int mb, int row, int col, int best) {
    int type = SPLIT_MV_TREE.read(in, SPLIT_MV_PROBS, 0);
    out.splitType[mb] = (byte) type;
    int base = mb * 16;
    for (int j = 0; j < SubblockContexts.MV_PARTITION_COUNT[type]; j++) {
      int k = SubblockContexts.firstBlock(type, j);
      int left = SubblockContexts.leftBlockMv(out, mb, col, k);
      int above = SubblockContexts.aboveBlockMv(out, mb, row, k);
      int ctx = SubblockContexts.subMvContext(left, above);
      int sub = SUBMV_REF_TREE.read(in, SUBMV_REF_PROBS, ctx * 3);
      int v =
          switch (sub) {
            case PredictionMode.LEFT4X4 -> left;
            case PredictionMode.ABOVE4X4 -> above;
            case PredictionMode.ZERO4X4 -> 0;
            default -> MotionVector.add(readMv(), best);
          };
      for (int b = k; b < 16; b++) {
        if (SubblockContexts.MV_PARTITIONS[type * 16 + b] == j) {
          out.subMvs[base + b] = v;
          out.subMvRefs[base + b] = (byte) sub;
        }
      }
    }
    out.mv[mb] = out.subMvs[base + 15];
  }

  private int readMv() {
    int r = readMvComponent(0);
    int c = readMvComponent(MvTables.MV_PROB_COUNT);
    return MotionVector.of(r * 2, c * 2);
  }

  private int readMvComponent(int o) {
    int[] p = probs.mv;
    int x;
    if (in.readBool(p[o + MvTables.IS_SHORT])) {
      x = 0;
      for (int i = 0; i < 3; i++) {
        x += in.readBit(p[o + MvTables.BITS + i]) << i;
      }
      for (int i = MvTables.LONG_WIDTH - 1; i > 3; i--) {
        x += in.readBit(p[o + MvTables.BITS + i]) << i;
      }
      // Bit 3 is implicit (1) when no higher bit is set, since short values cover 0..7.
      if ((x & 0xFFF0) == 0 || in.readBool(p[o + MvTables.BITS + 3])) {
        x += 8;
      }
    } else {
      x = SMALL_MV_TREE.read(in, p, o + MvTables.SHORT);
    }
    if (x != 0 && in.readBool(p[o + MvTables.SIGN])) {
      x = -x;
    }
    return x;
  }
}
