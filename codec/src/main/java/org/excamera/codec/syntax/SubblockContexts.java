package org.excamera.codec.syntax;

import org.excamera.codec.tables.ModeTables;

/**
 * Neighbour lookups shared by the mode reader and writer: the above/left subblock intra modes that
 * select a key frame's subblock mode probabilities (RFC 6386 §11.3), and the above/left subblock
 * motion vectors that select a split partition's sub-MV reference probabilities (§16.4).
 * Macroblocks outside the frame count as DC_PRED intra with zero vectors.
 */
final class SubblockContexts {
  private SubblockContexts() {}

  static final int[] MV_PARTITIONS = ModeTables.mvPartitions();
  static final int[] MV_PARTITION_COUNT = ModeTables.mvPartitionCount();

  static int aboveBlockMode(MacroblockModesBuilder m, int mb, int row, int b) {
    if (b >= 4) {
      return m.bModes[mb * 16 + b - 4];
    }
    if (row == 0) {
      return PredictionMode.B_DC_PRED;
    }
    int a = mb - m.mbCols;
    return m.yMode[a] == PredictionMode.B_PRED
        ? m.bModes[a * 16 + b + 12]
        : PredictionMode.impliedSubblockMode(m.yMode[a]);
  }

  static int leftBlockMode(MacroblockModesBuilder m, int mb, int col, int b) {
    if ((b & 3) != 0) {
      return m.bModes[mb * 16 + b - 1];
    }
    if (col == 0) {
      return PredictionMode.B_DC_PRED;
    }
    int l = mb - 1;
    return m.yMode[l] == PredictionMode.B_PRED
        ? m.bModes[l * 16 + b + 3]
        : PredictionMode.impliedSubblockMode(m.yMode[l]);
  }

  static int leftBlockMv(MacroblockModesBuilder m, int mb, int col, int b) {
    if ((b & 3) != 0) {
      return m.subMvs[mb * 16 + b - 1];
    }
    if (col == 0) {
      return 0;
    }
    int l = mb - 1;
    return m.yMode[l] == PredictionMode.SPLITMV ? m.subMvs[l * 16 + b + 3] : m.mv[l];
  }

  static int aboveBlockMv(MacroblockModesBuilder m, int mb, int row, int b) {
    if (b >= 4) {
      return m.subMvs[mb * 16 + b - 4];
    }
    if (row == 0) {
      return 0;
    }
    int a = mb - m.mbCols;
    return m.yMode[a] == PredictionMode.SPLITMV ? m.subMvs[a * 16 + b + 12] : m.mv[a];
  }

  /** Context 0..4 of the sub-MV reference tree (§16.4). */
  static int subMvContext(int left, int above) {
    boolean lez = left == 0;
    boolean aez = above == 0;
    boolean lea = left == above;
    if (lea && lez) {
      return 4;
    }
    if (lea) {
      return 3;
    }
    if (aez) {
      return 2;
    }
    if (lez) {
      return 1;
    }
    return 0;
  }

  /** First subblock of partition {@code j} of split type {@code type}. */
  static int firstBlock(int type, int j) {
    int k = 0;
    while (MV_PARTITIONS[type * 16 + k] != j) {
      k++;
    }
    return k;
  }
}
