package org.excamera.codec.encode;

import org.excamera.codec.DecoderState;
import org.excamera.codec.StateMismatchException;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.header.ReferenceUpdates;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.state.References;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.MacroblockModesBuilder;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.ReferenceFrame;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.syntax.ResidualsBuilder;

/**
 * Rebase (design §4.2) as values: re-codes the residual of an interframe against another state.
 * Kept from the original: every macroblock's intra/inter choice, reference frame, luma and chroma
 * modes, B_PRED subblock modes, motion vectors (SPLITMV partitions and sub-vectors included),
 * segment signalling, quantizer indices, loop filter type, level, sharpness and deltas, sign
 * biases, {@code refresh_entropy_probs} and the reference updates (unless {@code lastOfChunk},
 * which refreshes last, golden and altref with no copies). Recomputed: the prediction from the new
 * references and the new reconstructed neighbours, the residual against the target picture, its
 * quantization and tokens, skip flags, coefficient probability updates, {@code prob_skip_false},
 * {@code prob_intra}, {@code prob_last} and {@code prob_gf}; mode and MV probability updates are
 * dropped.
 *
 * <p>The motion vector coding needs no change: the near-MV search of a macroblock reads only the
 * reference frames, vectors and SPLITMV flags of its neighbours in the same frame and the sign
 * biases, all kept, so NEARESTMV, NEARMV, NEWMV deltas and LEFT4X4/ABOVE4X4 sub-vector references
 * resolve to the same absolute vectors as in the original.
 */
public final class FrameRebaser {
  private FrameRebaser() {}

  /** A rebased frame and the encoder's reconstruction of it before loop filtering. */
  public record Result(ParsedFrame frame, Picture reconstruction) {}

  /**
   * Rebases {@code original} onto {@code state} with target {@code target} (a picture of the
   * state's size).
   *
   * @throws StateMismatchException if the state has another size, no references, or lacks a
   *     reference the frame uses
   * @throws IllegalArgumentException for a key frame or a target of another size
   */
  public static Result rebase(
      DecoderState state, ParsedFrame original, Picture target, boolean lastOfChunk) {
    FrameHeader h = original.header();
    if (h.keyFrame()) {
      throw new IllegalArgumentException(
          "rebase takes interframes; a key frame is replaced by encode-given-state");
    }
    Dimensions dims = state.dimensions();
    MacroblockModes modes = original.modes();
    if (!dims.isKnown() || dims.mbCols() != modes.mbCols() || dims.mbRows() != modes.mbRows()) {
      throw new StateMismatchException(
          "frame has %dx%d macroblocks, the state's picture size %s has %dx%d"
              .formatted(modes.mbCols(), modes.mbRows(), dims, dims.mbCols(), dims.mbRows()));
    }
    if (!state.references().present()) {
      throw new StateMismatchException(
          "rebase needs a state with references; the state has none (no key frame decoded)");
    }
    if (!target.dimensions().equals(dims)) {
      throw new IllegalArgumentException(
          "target picture is %s, the state's size is %s".formatted(target.dimensions(), dims));
    }
    FrameHeader header = lastOfChunk ? h.withReferenceUpdates(refreshAll(h)) : h;
    Segmentation segments = state.segmentation().updatedBy(h.segmentation(), false);
    MacroblockModesBuilder kept = modes.toBuilder();
    if (!h.segmentation().updateMbSegmentationMap()) {
      // The decoder takes the ids from the state's map, so the quantizer must too.
      for (int mb = 0; mb < modes.count(); mb++) {
        kept.segmentId(mb, state.segmentation().segmentId(mb));
      }
    }
    MacroblockModes keptModes = kept.build();
    PictureBuilder canvas = PictureBuilder.blank(dims);
    ResidualsBuilder residuals = new ResidualsBuilder(modes.count());
    TokenCosts costs = TokenCosts.of(state.probabilities().coefficients()::get);
    new Pass(header, segments, state.references(), target, canvas, keptModes, residuals, costs)
        .run();
    Residuals coded = residuals.build();
    MacroblockModesBuilder withSkips = keptModes.toBuilder();
    TokenBranchCounts counts = TokenBranchCounts.of(keptModes, coded);
    EntropyChoices.TokenCoding tokens =
        EntropyChoices.tokens(state.probabilities().coefficients(), counts, keptModes, coded);
    for (int mb = 0; mb < modes.count(); mb++) {
      withSkips.skip(mb, tokens.mbNoSkipCoeff() && !coded.hasTokens(mb));
    }
    FrameHeader out =
        header
            .withTokenProbUpdates(tokens.updates())
            .withSkipCoding(tokens.mbNoSkipCoeff(), tokens.probSkipFalse())
            .withInterProbs(EntropyChoices.interProbs(keptModes));
    return new Result(new ParsedFrame(out, withSkips.build(), coded), canvas.freeze());
  }

  private static ReferenceUpdates refreshAll(FrameHeader h) {
    ReferenceUpdates r = h.referenceUpdates();
    return new ReferenceUpdates(true, true, 0, 0, r.signBiasGolden(), r.signBiasAlternate(), true);
  }

  /** One pass over the macroblocks in raster order. */
  private static final class Pass {
    private final Segmentation segments;
    private final boolean segmentationEnabled;
    private final QuantIndices quant;
    private final References references;
    private final Picture target;
    private final PictureBuilder canvas;
    private final MacroblockModes modes;
    private final ResidualsBuilder out;
    private final MacroblockPredictor predictor;
    private final TokenContexts contexts;
    private final MacroblockResidualCoder coder;
    private final MacroblockCoefficients coefficients = new MacroblockCoefficients();
    private final QuantizerTables[] tables = new QuantizerTables[4];
    private final int[] subMvs = new int[16];

    Pass(
        FrameHeader header,
        Segmentation segments,
        References references,
        Picture target,
        PictureBuilder canvas,
        MacroblockModes modes,
        ResidualsBuilder out,
        TokenCosts costs) {
      this.contexts = new TokenContexts(modes.mbCols());
      this.coder = new MacroblockResidualCoder(new TrellisQuantizer(costs), contexts);
      this.segments = segments;
      this.segmentationEnabled = header.segmentation().segmentationEnabled();
      this.quant = header.quantIndices();
      this.references = references;
      this.target = target;
      this.canvas = canvas;
      this.modes = modes;
      this.out = out;
      this.predictor = new MacroblockPredictor(header.tag().version());
    }

    void run() {
      MacroblockPredictor.prepare(canvas);
      int mb = 0;
      for (int row = 0; row < modes.mbRows(); row++) {
        contexts.startRow(row);
        for (int col = 0; col < modes.mbCols(); col++, mb++) {
          contexts.startMacroblock(col);
          macroblock(mb, row, col);
        }
        MacroblockPredictor.finishRow(canvas, row);
      }
    }

    private QuantizerTables tables(int segment) {
      QuantizerTables t = tables[segment];
      if (t == null) {
        int index = quant.yAcQi();
        if (segmentationEnabled) {
          index =
              segments.absoluteValues()
                  ? segments.quantizer(segment)
                  : index + segments.quantizer(segment);
          index = Math.max(0, Math.min(127, index));
        }
        QuantDeltas deltas =
            new QuantDeltas(
                quant.yDcDelta().value(),
                quant.y2DcDelta().value(),
                quant.y2AcDelta().value(),
                quant.uvDcDelta().value(),
                quant.uvAcDelta().value());
        t = QuantizerTables.of(index, deltas);
        tables[segment] = t;
      }
      return t;
    }

    private void macroblock(int mb, int row, int col) {
      int yMode = modes.yMode(mb);
      int ref = modes.refFrame(mb);
      QuantizerTables t = tables(modes.segmentId(mb));
      MacroblockQuantizer q = MacroblockQuantizer.withModeBoost(t, modeBoost(yMode, ref));
      coder.setRdMultiplier(
          TrellisQuantizer.rdMultiplier(t.factors().y1Dc(), ref == ReferenceFrame.INTRA_FRAME));
      coefficients.clear();
      byte[] ty = target.y().samplesUnsafe();
      int tyStride = target.y().stride();
      int tyOff = target.y().origin() + row * 16 * tyStride + col * 16;
      byte[] cy = canvas.data(0);
      int cyStride = canvas.stride(0);
      int cyOff = MacroblockPredictor.lumaOffset(canvas, row, col);
      if (ref == ReferenceFrame.INTRA_FRAME) {
        predictor.intraChroma(canvas, row, col, modes.uvMode(mb));
        if (yMode == PredictionMode.B_PRED) {
          for (int b = 0; b < 16; b++) {
            predictor.subblock(canvas, row, col, b, modes.bMode(mb, b));
            int within = (b >> 2) * 4 * tyStride + (b & 3) * 4;
            int cWithin = (b >> 2) * 4 * cyStride + (b & 3) * 4;
            coder.codeSubblock(
                b, ty, tyOff + within, tyStride, cy, cyOff + cWithin, cyStride, q, coefficients);
          }
        } else {
          predictor.intraLuma(canvas, row, col, yMode);
          coder.codeLuma(ty, tyOff, tyStride, cy, cyOff, cyStride, q, true, coefficients);
        }
      } else {
        Picture reference = references.get(ref);
        if (yMode == PredictionMode.SPLITMV) {
          for (int b = 0; b < 16; b++) {
            subMvs[b] = modes.subMv(mb, b);
          }
          predictor.split(canvas, reference, row, col, subMvs);
        } else {
          predictor.inter(canvas, reference, row, col, modes.mv(mb));
        }
        boolean hasY2 = yMode != PredictionMode.SPLITMV;
        coder.codeLuma(ty, tyOff, tyStride, cy, cyOff, cyStride, q, hasY2, coefficients);
      }
      int tuvStride = target.u().stride();
      int tuvOff = target.u().origin() + row * 8 * tuvStride + col * 8;
      coder.codeChroma(
          target.u().samplesUnsafe(),
          target.v().samplesUnsafe(),
          tuvOff,
          tuvStride,
          canvas.data(1),
          canvas.data(2),
          MacroblockPredictor.chromaOffset(canvas, row, col),
          canvas.stride(1),
          q,
          coefficients);
      coefficients.copyTo(out, mb);
    }

    private static int modeBoost(int yMode, int ref) {
      if (ref == ReferenceFrame.INTRA_FRAME || yMode == PredictionMode.SPLITMV) {
        return 0;
      }
      if (yMode == PredictionMode.ZEROMV) {
        return ref == ReferenceFrame.LAST_FRAME ? ZbinBoost.LAST_ZEROMV : ZbinBoost.GOLDEN_ZEROMV;
      }
      return ZbinBoost.MOTION;
    }
  }
}
