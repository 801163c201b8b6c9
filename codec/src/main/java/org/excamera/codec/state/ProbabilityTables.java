package org.excamera.codec.state;

import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.InterProbs;
import org.excamera.codec.tables.ModeTables;
import org.excamera.codec.tables.MvTables;

/**
 * The probabilities that persist between frames (RFC 6386 §9.9–9.11, design §3): coefficient
 * probabilities, interframe luma (4) and chroma (3) mode probabilities, and motion vector
 * probabilities (2 x 19). Key frames reset all of them to the defaults before their own updates.
 */
public record ProbabilityTables(
    CoefficientProbabilities coefficients,
    ProbabilityVector yModeProbs,
    ProbabilityVector uvModeProbs,
    ProbabilityVector mvProbs) {

  /** The defaults, in force after every key frame. */
  public static final ProbabilityTables DEFAULTS =
      new ProbabilityTables(
          CoefficientProbabilities.DEFAULTS,
          ProbabilityVector.of(ModeTables.defaultYModeProbs()),
          ProbabilityVector.of(ModeTables.defaultUvModeProbs()),
          ProbabilityVector.of(MvTables.defaultMvProbs()));

  public ProbabilityTables {
    if (yModeProbs.size() != 4 || uvModeProbs.size() != 3 || mvProbs.size() != 38) {
      throw new IllegalArgumentException("mode and MV probabilities need 4, 3 and 38 entries");
    }
  }

  /**
   * The probabilities used to decode a frame with this header against a state holding these: the
   * defaults (key frames) or these, with the header's updates applied (RFC 6386 §9.9–9.10).
   */
  public ProbabilityTables forFrame(FrameHeader header) {
    ProbabilityTables base = header.keyFrame() ? DEFAULTS : this;
    CoefficientProbabilities c = base.coefficients.updatedBy(header.tokenProbUpdates());
    InterProbs inter = header.interProbs();
    ProbabilityVector y =
        inter.intra16x16Probs().isEmpty()
            ? base.yModeProbs
            : ProbabilityVector.of(inter.intra16x16Probs());
    ProbabilityVector uv =
        inter.intraChromaProbs().isEmpty()
            ? base.uvModeProbs
            : ProbabilityVector.of(inter.intraChromaProbs());
    ProbabilityVector mv = base.mvProbs;
    if (!inter.mvProbUpdates().equals(org.excamera.codec.header.MvProbUpdates.NONE)) {
      int[] m = base.mvProbs.toIntArray();
      inter.mvProbUpdates().applyTo(m);
      mv = ProbabilityVector.of(m);
    }
    return new ProbabilityTables(c, y, uv, mv);
  }

  /**
   * The probabilities the state holds after a frame with this header: those the frame used when it
   * sets {@code refresh_entropy_probs}, else the ones before its updates (the defaults after a key
   * frame), restored as RFC 6386 §9.9 requires.
   */
  public ProbabilityTables afterFrame(FrameHeader header) {
    if (header.refreshEntropyProbs()) {
      return forFrame(header);
    }
    return header.keyFrame() ? DEFAULTS : this;
  }
}
