package org.excamera.codec.syntax;

import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.state.ProbabilityTables;

/**
 * The probabilities in force while one frame's modes and tokens are read or written, unpacked into
 * int arrays for the inner loops, plus the per-frame sign biases indexed by reference frame.
 */
final class FrameProbabilities {
  final int[] coeff;
  final int[] yMode;
  final int[] uvMode;
  final int[] mv;
  final boolean[] signBias = new boolean[4];

  FrameProbabilities(ProbabilityTables stateProbabilities, FrameHeader header) {
    ProbabilityTables p = stateProbabilities.forFrame(header);
    coeff = p.coefficients().toIntArray();
    yMode = p.yModeProbs().toIntArray();
    uvMode = p.uvModeProbs().toIntArray();
    mv = p.mvProbs().toIntArray();
    signBias[ReferenceFrame.GOLDEN_FRAME] = header.referenceUpdates().signBiasGolden();
    signBias[ReferenceFrame.ALTREF_FRAME] = header.referenceUpdates().signBiasAlternate();
  }
}
