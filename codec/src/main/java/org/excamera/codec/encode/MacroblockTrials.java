package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.CoefficientTables;

/**
 * The workbench of mode decision for one frame ({@link ModeDecision}): the target, the canvas of
 * the frame being built, the residual coder, the costs, the token contexts the writer will use,
 * and, for the macroblock being decided, the best candidate so far (its cost, prediction record,
 * coefficients and reconstruction). A candidate is tried by predicting it into the canvas's
 * macroblock, coding it into {@link #trial} and {@link #offer offering} it; the winner's
 * reconstruction is put back when the macroblock is committed. Single-threaded.
 */
final class MacroblockTrials {
  static final int[] ABOVE_SLOT = new int[25];
  static final int[] LEFT_SLOT = new int[25];

  static {
    for (int b = 0; b < 25; b++) {
      ABOVE_SLOT[b] = TokenBranchCounts.aboveSlot(b);
      LEFT_SLOT[b] = TokenBranchCounts.leftSlot(b);
    }
  }

  final boolean keyFrame;
  final Picture source;
  final PictureBuilder canvas;
  final int mbCols;
  final TokenCosts tokenCosts;
  final ModeCosts modeCosts;
  final RateDistortion rd;
  final MacroblockPredictor predictor = new MacroblockPredictor(0);
  final MacroblockResidualCoder coder = new MacroblockResidualCoder();

  /** Transforms of the target's luma subblocks (slot b = subblock b) and chroma blocks (U, V). */
  final SeparableSatd lumaSources = new SeparableSatd();

  private final SeparableSatd chromaSources = new SeparableSatd();

  /** Coefficients of the candidate being tried. */
  final MacroblockCoefficients trial = new MacroblockCoefficients();

  // Token contexts left by the macroblocks already committed: 9 slots per column above, 9 left.
  final byte[] aboveCtx;
  final byte[] leftCtx = new byte[9];
  private final byte[] ctxA = new byte[9];
  private final byte[] ctxL = new byte[9];

  // The best candidate of the current macroblock.
  long bestCost;
  int bestMode;
  int bestMv;
  int bestUvMode;
  final int[] bestSubModes = new int[16];
  final MacroblockCoefficients best = new MacroblockCoefficients();
  private final byte[] bestRecon = new byte[384];

  // Skip flag cost estimates of the current macroblock.
  int skipYes;
  int skipNo;

  MacroblockTrials(
      boolean keyFrame,
      Picture source,
      TokenCosts tokenCosts,
      ModeCosts modeCosts,
      RateDistortion rd) {
    this.keyFrame = keyFrame;
    this.source = source;
    this.canvas = PictureBuilder.blank(source.dimensions());
    if (source.y().stride() != canvas.stride(0)
        || source.y().origin() != canvas.origin(0)
        || source.u().stride() != canvas.stride(1)
        || source.u().origin() != canvas.origin(1)) {
      throw new IllegalArgumentException("the source must have the canvas's plane layout");
    }
    this.mbCols = source.dimensions().mbCols();
    this.tokenCosts = tokenCosts;
    this.modeCosts = modeCosts;
    this.rd = rd;
    this.aboveCtx = new byte[mbCols * 9];
  }

  /** Starts a macroblock: no candidate yet; skip flags cost as {@code probSkipFalse} says. */
  void begin(int probSkipFalse) {
    bestCost = Long.MAX_VALUE;
    skipYes = BoolCosts.costOne(probSkipFalse);
    skipNo = BoolCosts.costZero(probSkipFalse);
  }

  /**
   * Offers the candidate in the canvas (luma, and chroma unless {@code chromaFrom} holds it) whose
   * coefficients are {@code coefficients}: it becomes the best if it costs less. Returns whether it
   * did.
   *
   * @param chromaFrom null, or a packed U and V reconstruction (64 + 64 samples) to use instead of
   *     the canvas's chroma
   */
  boolean offer(
      long cost,
      int mode,
      int mv,
      MacroblockCoefficients coefficients,
      int row,
      int col,
      byte @org.jspecify.annotations.Nullable [] chromaFrom) {
    if (cost >= bestCost) {
      return false;
    }
    bestCost = cost;
    bestMode = mode;
    bestMv = mv;
    copyCoefficients(coefficients, best, 0, Residuals.BLOCKS);
    copyBlock(canvas.data(0), lumaOffset(row, col), canvas.stride(0), bestRecon, 0, 16, true);
    if (chromaFrom != null) {
      System.arraycopy(chromaFrom, 0, bestRecon, 256, 128);
    } else {
      packChroma(row, col, bestRecon, 256);
    }
    return true;
  }

  /** Puts the best candidate's reconstruction into the canvas. */
  void restoreBest(int row, int col) {
    copyBlock(canvas.data(0), lumaOffset(row, col), canvas.stride(0), bestRecon, 0, 16, false);
    int off = chromaOffset(row, col);
    int stride = canvas.stride(1);
    copyBlock(canvas.data(1), off, stride, bestRecon, 256, 8, false);
    copyBlock(canvas.data(2), off, stride, bestRecon, 320, 8, false);
  }

  /** Copies the canvas's chroma of the macroblock into {@code packed} (U then V, 8×8 each). */
  void packChroma(int row, int col, byte[] packed, int packedOff) {
    int off = chromaOffset(row, col);
    int stride = canvas.stride(1);
    copyBlock(canvas.data(1), off, stride, packed, packedOff, 8, true);
    copyBlock(canvas.data(2), off, stride, packed, packedOff + 64, 8, true);
  }

  /** Records the committed macroblock's token contexts for its neighbours. */
  void commitContexts(int col, boolean hasY2) {
    int a = col * 9;
    for (int b = 0; b < 25; b++) {
      if (b == Residuals.Y2 && !hasY2) {
        continue;
      }
      byte nz = (byte) (best.ends[b] > 0 ? 1 : 0);
      aboveCtx[a + ABOVE_SLOT[b]] = nz;
      leftCtx[LEFT_SLOT[b]] = nz;
    }
  }

  // ---------------------------------------------------------------- coding and measuring

  int lumaOffset(int row, int col) {
    return MacroblockPredictor.lumaOffset(canvas, row, col);
  }

  int chromaOffset(int row, int col) {
    return MacroblockPredictor.chromaOffset(canvas, row, col);
  }

  /** Codes the luma predicted in the canvas (with Y2) into {@link #trial}. */
  void codeLuma(int row, int col, MacroblockQuantizer q) {
    int off = lumaOffset(row, col);
    int stride = canvas.stride(0);
    coder.codeLuma(
        source.y().samplesUnsafe(), off, stride, canvas.data(0), off, stride, q, true, trial);
  }

  /** Codes the chroma predicted in the canvas into {@link #trial}. */
  void codeChroma(int row, int col, MacroblockQuantizer q) {
    int off = chromaOffset(row, col);
    int stride = canvas.stride(1);
    coder.codeChroma(
        source.u().samplesUnsafe(),
        source.v().samplesUnsafe(),
        off,
        stride,
        canvas.data(1),
        canvas.data(2),
        off,
        stride,
        q,
        trial);
  }

  long lumaSse(int row, int col) {
    int off = lumaOffset(row, col);
    int stride = canvas.stride(0);
    return BlockError.sse(
        source.y().samplesUnsafe(), off, stride, canvas.data(0), off, stride, 16, 16);
  }

  long chromaSse(int row, int col) {
    int off = chromaOffset(row, col);
    int stride = canvas.stride(1);
    return BlockError.sse(
            source.u().samplesUnsafe(), off, stride, canvas.data(1), off, stride, 8, 8)
        + BlockError.sse(
            source.v().samplesUnsafe(), off, stride, canvas.data(2), off, stride, 8, 8);
  }

  /**
   * Transforms the target's luma and chroma of macroblock (row, col) for {@link #lumaSatd} and
   * {@link #chromaSatd} ({@link SeparableSatd}); luma slot b is subblock b.
   */
  void loadSatdSources(int row, int col) {
    lumaSources.loadBlock(
        source.y().samplesUnsafe(), lumaOffset(row, col), canvas.stride(0), 16, 0);
    int uv = chromaOffset(row, col);
    int uvs = canvas.stride(1);
    chromaSources.loadBlock(source.u().samplesUnsafe(), uv, uvs, 8, 0);
    chromaSources.loadBlock(source.v().samplesUnsafe(), uv, uvs, 8, 4);
  }

  /**
   * SATD of the 16×16 luma prediction {@code mode} in the canvas against the target; for all but a
   * clamping TM prediction from the transforms {@link #loadSatdSources} made (the same value).
   */
  int lumaSatd(int row, int col, int mode) {
    int y = lumaOffset(row, col);
    int ys = canvas.stride(0);
    byte[] d = canvas.data(0);
    if (mode != PredictionMode.TM_PRED || SeparableSatd.tmUnclamped(d, y, ys, 16)) {
      return lumaSources.separableBlock(0, d, y, ys, 16);
    }
    return Satd.satd(source.y().samplesUnsafe(), y, ys, d, y, ys, 16);
  }

  /** SATD of both 8×8 chroma predictions {@code mode} in the canvas, as {@link #lumaSatd}. */
  int chromaSatd(int row, int col, int mode) {
    int uv = chromaOffset(row, col);
    int uvs = canvas.stride(1);
    return chromaPlaneSatd(source.u().samplesUnsafe(), canvas.data(1), uv, uvs, mode, 0)
        + chromaPlaneSatd(source.v().samplesUnsafe(), canvas.data(2), uv, uvs, mode, 4);
  }

  private int chromaPlaneSatd(byte[] src, byte[] pred, int off, int stride, int mode, int slot) {
    if (mode != PredictionMode.TM_PRED || SeparableSatd.tmUnclamped(pred, off, stride, 8)) {
      return chromaSources.separableBlock(slot, pred, off, stride, 8);
    }
    return Satd.satd(src, off, stride, pred, off, stride, 8);
  }

  /**
   * Token rate of a macroblock's blocks in coding order (Y2, Y, U, V) with the contexts the
   * neighbours leave; {@code luma} selects the Y2 and Y blocks, {@code chroma} the U and V ones.
   */
  int tokenRate(MacroblockCoefficients c, int col, boolean hasY2, boolean luma, boolean chroma) {
    System.arraycopy(aboveCtx, col * 9, ctxA, 0, 9);
    System.arraycopy(leftCtx, 0, ctxL, 0, 9);
    int rate = 0;
    if (luma) {
      int typeY = CoefficientTables.TYPE_Y_WITH_DC;
      if (hasY2) {
        rate += blockRate(c, Residuals.Y2, CoefficientTables.TYPE_Y2);
        typeY = CoefficientTables.TYPE_Y_AFTER_Y2;
      }
      for (int b = 0; b < 16; b++) {
        rate += blockRate(c, b, typeY);
      }
    }
    if (chroma) {
      for (int b = 16; b < 24; b++) {
        rate += blockRate(c, b, CoefficientTables.TYPE_UV);
      }
    }
    return rate;
  }

  private int blockRate(MacroblockCoefficients c, int b, int type) {
    int ctx = ctxA[ABOVE_SLOT[b]] + ctxL[LEFT_SLOT[b]];
    int end = c.ends[b];
    byte nz = (byte) (end > 0 ? 1 : 0);
    ctxA[ABOVE_SLOT[b]] = nz;
    ctxL[LEFT_SLOT[b]] = nz;
    return tokenCosts.blockCost(c.coeffs, b * 16, type, ctx, end);
  }

  static void copyCoefficients(
      MacroblockCoefficients from, MacroblockCoefficients to, int firstBlock, int endBlock) {
    System.arraycopy(
        from.coeffs, firstBlock * 16, to.coeffs, firstBlock * 16, (endBlock - firstBlock) * 16);
    System.arraycopy(from.ends, firstBlock, to.ends, firstBlock, endBlock - firstBlock);
  }

  /** Empties blocks {@code [firstBlock, endBlock)} of {@code c}. */
  static void clearBlocks(MacroblockCoefficients c, int firstBlock, int endBlock) {
    Arrays.fill(c.coeffs, firstBlock * 16, endBlock * 16, (short) 0);
    Arrays.fill(c.ends, firstBlock, endBlock, (byte) 0);
  }

  /** The index of the least score, which is then removed (set to the largest int). */
  static int takeBest(int[] scores) {
    int pick = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] < scores[pick]) {
        pick = i;
      }
    }
    scores[pick] = Integer.MAX_VALUE;
    return pick;
  }

  /** Copies an n×n block between a plane and a packed buffer, in the direction asked. */
  private static void copyBlock(
      byte[] plane, int off, int stride, byte[] packed, int packedOff, int n, boolean toPacked) {
    for (int r = 0; r < n; r++) {
      if (toPacked) {
        System.arraycopy(plane, off + r * stride, packed, packedOff + r * n, n);
      } else {
        System.arraycopy(packed, packedOff + r * n, plane, off + r * stride, n);
      }
    }
  }
}
