package org.excamera.codec.encode;

import java.util.List;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.FrameTag;
import org.excamera.codec.header.InterProbs;
import org.excamera.codec.header.KeyFrameStart;
import org.excamera.codec.header.LoopFilterHeader;
import org.excamera.codec.header.ModeRefLfDeltaUpdate;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.header.ReferenceUpdates;
import org.excamera.codec.header.SignedUpdate;
import org.excamera.codec.header.UpdateSegmentation;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.state.CoefficientProbabilities;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.state.References;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.MacroblockModesBuilder;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.ModeTables;

/**
 * Encodes one picture into a {@link ParsedFrame}: mode decision and residual coding ({@link
 * ModeDecision}), the per-frame probability choices ({@link EntropyChoices}), and the loop filter
 * level ({@link LoopFilterSearch}). Two kinds of frame (design §4.1):
 *
 * <ul>
 *   <li>an <em>interframe given a state</em> that predicts from the last frame only, refreshes
 *       last, golden and altref with no copies, keeps its probability updates ({@code
 *       refresh_entropy_probs = 1}), signals the default intra mode probabilities, sends no motion
 *       vector probability updates and no segmentation, and filters with the normal filter,
 *       sharpness 0 and the state's filter adjustments;
 *   <li>a key frame (the same choices where they apply; it sets libvpx's standard filter
 *       adjustments, as vpxenc's key frames do).
 * </ul>
 *
 * The frame's bytes come from the frame writer; its reconstruction from the decoder. Deterministic.
 */
public final class FrameEncoder {
  private FrameEncoder() {}

  /** Reference frame filter deltas vpxenc sends in key frames: intra, last, golden, altref. */
  static final int[] LIBVPX_REF_LF_DELTAS = {2, 0, -2, -2};

  /** Mode filter deltas vpxenc sends in key frames: B_PRED, ZEROMV, other MV modes, SPLITMV. */
  static final int[] LIBVPX_MODE_LF_DELTAS = {4, -2, 2, 4};

  /**
   * A frame the encoder made and its reconstruction before loop filtering, as the decoder will
   * reconstruct it.
   */
  public record Encoded(ParsedFrame frame, Picture unfiltered) {}

  /**
   * An interframe coding {@code source} against {@code references}' last frame, to be decoded with
   * {@code probabilities}, {@code segmentation} and {@code adjustments} (a state's).
   *
   * @param source the target picture (as {@link Picture#fromI420} lays it out)
   */
  public static Encoded interframe(
      ProbabilityTables probabilities,
      Segmentation segmentation,
      FilterAdjustments adjustments,
      References references,
      Picture source,
      QuantIndices quant,
      double lambdaFactor) {
    ProbabilityTables frameProbabilities =
        new ProbabilityTables(
            probabilities.coefficients(),
            org.excamera.codec.state.ProbabilityVector.of(ModeTables.defaultYModeProbs()),
            org.excamera.codec.state.ProbabilityVector.of(ModeTables.defaultUvModeProbs()),
            probabilities.mvProbs());
    QuantizerTables tables = tables(quant);
    RateDistortion rd = RateDistortion.forStep(tables.factors().y1Ac(), lambdaFactor);
    ModeDecision decision =
        new ModeDecision(
            source,
            references.last(),
            tables,
            TokenCosts.of(probabilities.coefficients()::get),
            ModeCosts.interframe(frameProbabilities.yModeProbs(), frameProbabilities.uvModeProbs()),
            MvCosts.of(probabilities.mvProbs()),
            rd);
    Picture unfiltered = decision.run();
    ModeRefLfDeltaUpdate deltas =
        adjustments.equals(FilterAdjustments.NONE)
            ? ModeRefLfDeltaUpdate.DISABLED
            : ModeRefLfDeltaUpdate.ENABLED_NO_UPDATE;
    FrameHeader header =
        new FrameHeader(
            new FrameTag(false, 0, true, 0),
            KeyFrameStart.NONE,
            0,
            0,
            UpdateSegmentation.DISABLED,
            new LoopFilterHeader(0, 0, 0, deltas),
            0,
            quant,
            ReferenceUpdates.REFRESH_ALL,
            true,
            org.excamera.codec.header.TokenProbUpdates.NONE,
            true,
            0,
            InterProbs.NONE);
    return finish(
        header,
        decision,
        probabilities.coefficients(),
        segmentation,
        adjustments,
        unfiltered,
        source);
  }

  /** A key frame coding {@code source}. */
  public static Encoded keyFrame(Picture source, QuantIndices quant, double lambdaFactor) {
    QuantizerTables tables = tables(quant);
    RateDistortion rd = RateDistortion.forStep(tables.factors().y1Ac(), lambdaFactor);
    CoefficientProbabilities coefficients = CoefficientProbabilities.DEFAULTS;
    ModeDecision decision =
        new ModeDecision(
            source, null, tables, TokenCosts.of(coefficients::get), ModeCosts.keyFrame(), null, rd);
    Picture unfiltered = decision.run();
    ModeRefLfDeltaUpdate deltas =
        new ModeRefLfDeltaUpdate(
            true, true, signed(LIBVPX_REF_LF_DELTAS), signed(LIBVPX_MODE_LF_DELTAS));
    FrameHeader header =
        new FrameHeader(
            new FrameTag(true, 0, true, 0),
            KeyFrameStart.of(source.dimensions()),
            0,
            0,
            UpdateSegmentation.DISABLED,
            new LoopFilterHeader(0, 0, 0, deltas),
            0,
            quant,
            ReferenceUpdates.KEY_FRAME,
            true,
            org.excamera.codec.header.TokenProbUpdates.NONE,
            true,
            0,
            InterProbs.NONE);
    return finish(
        header,
        decision,
        coefficients,
        Segmentation.NONE,
        FilterAdjustments.NONE,
        unfiltered,
        source);
  }

  /**
   * Chooses the frame's token probabilities and skip coding, then its loop filter level, and
   * returns the finished frame.
   */
  private static Encoded finish(
      FrameHeader draft,
      ModeDecision decision,
      CoefficientProbabilities base,
      Segmentation stateSegmentation,
      FilterAdjustments stateAdjustments,
      Picture unfiltered,
      Picture source) {
    MacroblockModesBuilder modesBuilder = decision.modes();
    MacroblockModes modes = modesBuilder.build();
    Residuals residuals = decision.residuals().build();
    EntropyChoices.TokenCoding tokens =
        EntropyChoices.tokens(base, TokenBranchCounts.of(modes, residuals), modes, residuals);
    if (!tokens.mbNoSkipCoeff()) {
      MacroblockModesBuilder b = modes.toBuilder();
      for (int mb = 0; mb < modes.count(); mb++) {
        b.skip(mb, false);
      }
      modes = b.build();
    }
    FrameHeader header =
        draft
            .withTokenProbUpdates(tokens.updates())
            .withSkipCoding(tokens.mbNoSkipCoeff(), tokens.probSkipFalse());
    if (!header.keyFrame()) {
      // Reference probabilities from the counts; the default intra mode probabilities are
      // signalled so that the frame does not depend on the state's.
      InterProbs counted = EntropyChoices.interProbs(modes);
      header =
          header.withInterProbs(
              new InterProbs(
                  counted.probIntra(),
                  counted.probLast(),
                  counted.probGf(),
                  List.of(boxed(ModeTables.defaultYModeProbs())),
                  List.of(boxed(ModeTables.defaultUvModeProbs())),
                  counted.mvProbUpdates()));
    }
    ParsedFrame frame = new ParsedFrame(header, modes, residuals);
    boolean key = header.keyFrame();
    byte[] segmentIds = new byte[modes.count()];
    for (int mb = 0; mb < segmentIds.length; mb++) {
      segmentIds[mb] = (byte) modes.segmentId(mb);
    }
    Segmentation segmentation =
        stateSegmentation.updatedBy(header.segmentation(), key).withMap(segmentIds);
    FilterAdjustments adjustments = stateAdjustments.updatedBy(header.loopFilter().deltas(), key);
    int level =
        new LoopFilterSearch(frame, segmentation, adjustments, unfiltered, source)
            .bestLevel(LoopFilterSearch.startingLevel(header.quantIndices().yAcQi()));
    return new Encoded(
        frame.withHeader(header.withLoopFilter(header.loopFilter().withLoopFilterLevel(level))),
        unfiltered);
  }

  /** libvpx's quantizer tables for the frame's indices. */
  static QuantizerTables tables(QuantIndices q) {
    return QuantizerTables.of(
        q.yAcQi(),
        new QuantDeltas(
            q.yDcDelta().value(),
            q.y2DcDelta().value(),
            q.y2AcDelta().value(),
            q.uvDcDelta().value(),
            q.uvAcDelta().value()));
  }

  private static Integer[] boxed(int[] values) {
    Integer[] out = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static List<SignedUpdate> signed(int[] values) {
    SignedUpdate[] out = new SignedUpdate[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = SignedUpdate.of(values[i]);
    }
    return List.of(out);
  }
}
