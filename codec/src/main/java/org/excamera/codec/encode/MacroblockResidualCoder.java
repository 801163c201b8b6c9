package org.excamera.codec.encode;

import org.excamera.codec.recon.InverseTransform;
import org.excamera.codec.syntax.Residuals;
import org.jspecify.annotations.Nullable;

/**
 * Codes the residual of one macroblock whose prediction is already in the frame being built (RFC
 * 6386 §13–14): residual = target − prediction, forward DCT ({@link ForwardDct}), for macroblocks
 * with a Y2 block the Walsh transform of the 16 luma DCs ({@link ForwardWht}), libvpx's regular
 * quantizer ({@link BlockQuantizer}), optionally refined by a {@link TrellisQuantizer}, and the
 * coefficients in token order into a {@link MacroblockCoefficients}. Then it reconstructs in place,
 * exactly as the decoder will: dequantize, inverse WHT and DCT with the decoder's kernels ({@link
 * InverseTransform}), add to the prediction and clamp. So later intra prediction (B_PRED subblocks,
 * the next macroblocks) sees the pixels the decoder will see.
 *
 * <p>Call order per macroblock: {@link MacroblockCoefficients#clear()}, then either {@link
 * #codeLuma} (16×16 prediction or SPLITMV) or {@link #codeSubblock} for b = 0..15 in order (B_PRED,
 * each subblock predicted from its reconstructed neighbours just before), and {@link #codeChroma}.
 * As in libvpx, the luma blocks of a macroblock with Y2 are quantized with their DC (which then
 * travels in Y2 and is not coded), so the DC takes part in the zero-run boost.
 *
 * <p>Planes are {@code byte[]} with an offset to the block's top-left sample and a stride: the
 * target (the raw picture, extended to whole macroblocks) and the canvas (prediction in,
 * reconstruction out). Scratch buffers make an instance single-threaded; it allocates nothing per
 * call.
 */
public final class MacroblockResidualCoder {
  private final @Nullable TrellisQuantizer trellis;
  private final @Nullable TokenContexts contexts;
  private int rdMult;
  private final short[] coeff = new short[256];
  private final short[] dq = new short[256];
  private final short[] dcs = new short[16];
  private final short[] y2Coeff = new short[16];
  private final short[] y2Dq = new short[16];
  private final short[] block = new short[16];
  private final short[] scratch = new short[16];

  /** A coder that keeps the regular quantizer's values (no rate-distortion refinement). */
  public MacroblockResidualCoder() {
    this.trellis = null;
    this.contexts = null;
  }

  /**
   * A coder that refines every block with {@code trellis} ({@link TrellisQuantizer}), taking each
   * block's first-token context from {@code contexts} and recording its outcome there; the caller
   * positions {@code contexts} before each macroblock and sets the rate multiplier ({@link
   * #setRdMultiplier}).
   */
  public MacroblockResidualCoder(TrellisQuantizer trellis, TokenContexts contexts) {
    this.trellis = trellis;
    this.contexts = contexts;
  }

  /** The rate multiplier of the next macroblocks ({@link TrellisQuantizer#rdMultiplier}). */
  public void setRdMultiplier(int rdMult) {
    this.rdMult = rdMult;
  }

  /**
   * The regular quantizer, then (with a trellis) its refinement; the end of the block in token
   * order from {@code first}, recorded in the contexts when there are any.
   */
  private int quantize(
      BlockQuantizer quantizer,
      int zbinExtra,
      short[] in,
      int inOff,
      short[] tokens,
      int tokOff,
      short[] dequantized,
      int dqOff,
      int type,
      int block) {
    int eob = quantizer.quantize(in, inOff, zbinExtra, tokens, tokOff, dequantized, dqOff);
    int first = type == 0 ? 1 : 0;
    int end = eob > first ? eob : 0;
    TrellisQuantizer t = trellis;
    TokenContexts c = contexts;
    if (t != null && c != null) {
      if (end > 0) {
        end =
            t.optimize(
                in,
                inOff,
                tokens,
                tokOff,
                dequantized,
                dqOff,
                type,
                c.context(block),
                quantizer.dcStep(),
                quantizer.acStep(),
                rdMult);
      }
      c.set(block, end > 0);
    }
    return end;
  }

  /**
   * Codes the 16×16 luma of a macroblock predicted as a whole (intra 16×16, whole-macroblock inter,
   * or SPLITMV) into blocks 0..15 and, when {@code hasY2}, 24 of {@code out}; reconstructs the luma
   * in the canvas.
   *
   * @param hasY2 true unless the macroblock is SPLITMV (B_PRED uses {@link #codeSubblock})
   */
  public void codeLuma(
      byte[] target,
      int targetOff,
      int targetStride,
      byte[] canvas,
      int canvasOff,
      int canvasStride,
      MacroblockQuantizer q,
      boolean hasY2,
      MacroblockCoefficients out) {
    for (int b = 0; b < 16; b++) {
      int row = (b >> 2) * 4;
      int col = (b & 3) * 4;
      ForwardDct.fdct4x4(
          target,
          targetOff + row * targetStride + col,
          targetStride,
          canvas,
          canvasOff + row * canvasStride + col,
          canvasStride,
          coeff,
          b * 16);
    }
    BlockQuantizer y1 = q.tables().y1();
    short[] tokens = out.coeffs;
    if (hasY2) {
      // Y2 first, as the token order has it (the contexts of later blocks do not depend on it).
      for (int b = 0; b < 16; b++) {
        dcs[b] = coeff[b * 16];
      }
      ForwardWht.fwht4x4(dcs, 0, 4, y2Coeff, 0);
      out.ends[Residuals.Y2] =
          (byte)
              quantize(
                  q.tables().y2(),
                  q.y2Extra(),
                  y2Coeff,
                  0,
                  tokens,
                  Residuals.Y2 * 16,
                  y2Dq,
                  0,
                  1,
                  Residuals.Y2);
    }
    int type = hasY2 ? 0 : 3;
    for (int b = 0; b < 16; b++) {
      out.ends[b] =
          (byte) quantize(y1, q.y1Extra(), coeff, b * 16, tokens, b * 16, dq, b * 16, type, b);
      if (hasY2) {
        // The DC goes to Y2; coding starts at position 1.
        tokens[b * 16] = 0;
      }
    }
    reconstructLuma(canvas, canvasOff, canvasStride, hasY2, out);
  }

  /**
   * Codes luma subblock {@code b} (0..15, raster order) of a B_PRED macroblock, whose prediction is
   * in the canvas at {@code canvasOff} (the subblock's top-left), and reconstructs it there.
   */
  public void codeSubblock(
      int b,
      byte[] target,
      int targetOff,
      int targetStride,
      byte[] canvas,
      int canvasOff,
      int canvasStride,
      MacroblockQuantizer q,
      MacroblockCoefficients out) {
    ForwardDct.fdct4x4(target, targetOff, targetStride, canvas, canvasOff, canvasStride, coeff, 0);
    BlockQuantizer y1 = q.tables().y1();
    int eob = quantize(y1, q.y1Extra(), coeff, 0, out.coeffs, b * 16, dq, 0, 3, b);
    out.ends[b] = (byte) eob;
    addBlock(out.coeffs, b * 16, eob, dq, 0, canvas, canvasOff, canvasStride);
  }

  /**
   * Codes both 8×8 chroma blocks of a macroblock into blocks 16..23 and reconstructs them; the
   * offsets are of the macroblock's top-left chroma sample (same offset and stride in U and V).
   */
  public void codeChroma(
      byte[] targetU,
      byte[] targetV,
      int targetOff,
      int targetStride,
      byte[] canvasU,
      byte[] canvasV,
      int canvasOff,
      int canvasStride,
      MacroblockQuantizer q,
      MacroblockCoefficients out) {
    codeChromaPlane(targetU, targetOff, targetStride, canvasU, canvasOff, canvasStride, q, 16, out);
    codeChromaPlane(targetV, targetOff, targetStride, canvasV, canvasOff, canvasStride, q, 20, out);
  }

  private void codeChromaPlane(
      byte[] target,
      int targetOff,
      int targetStride,
      byte[] canvas,
      int canvasOff,
      int canvasStride,
      MacroblockQuantizer q,
      int firstBlock,
      MacroblockCoefficients out) {
    BlockQuantizer uv = q.tables().uv();
    for (int i = 0; i < 4; i++) {
      int r = i >> 1;
      int c = i & 1;
      ForwardDct.fdct4x4(
          target,
          targetOff + r * 4 * targetStride + c * 4,
          targetStride,
          canvas,
          canvasOff + r * 4 * canvasStride + c * 4,
          canvasStride,
          coeff,
          0);
      int b = firstBlock + i;
      int eob = quantize(uv, q.uvExtra(), coeff, 0, out.coeffs, b * 16, dq, 0, 2, b);
      out.ends[b] = (byte) eob;
      addBlock(
          out.coeffs,
          b * 16,
          eob,
          dq,
          0,
          canvas,
          canvasOff + r * 4 * canvasStride + c * 4,
          canvasStride);
    }
  }

  /** The decoder's luma reconstruction of a macroblock predicted as a whole. */
  private void reconstructLuma(
      byte[] canvas, int canvasOff, int stride, boolean hasY2, MacroblockCoefficients out) {
    if (hasY2) {
      if (out.ends[Residuals.Y2] != 0) {
        InverseTransform.inverseWht(y2Dq, 0, dcs, 0, 1, scratch);
      } else {
        java.util.Arrays.fill(dcs, (short) 0);
      }
      for (int b = 0; b < 16; b++) {
        int off = canvasOff + (b >> 2) * 4 * stride + (b & 3) * 4;
        if (out.ends[b] == 0) {
          if (dcs[b] != 0) {
            InverseTransform.dcOnlyAdd(dcs[b], canvas, off, stride);
          }
        } else {
          System.arraycopy(dq, b * 16, block, 0, 16);
          block[0] = dcs[b];
          InverseTransform.idctAdd(block, 0, canvas, off, stride, scratch);
        }
      }
    } else {
      for (int b = 0; b < 16; b++) {
        int off = canvasOff + (b >> 2) * 4 * stride + (b & 3) * 4;
        addBlock(out.coeffs, b * 16, out.ends[b], dq, b * 16, canvas, off, stride);
      }
    }
  }

  /**
   * The decoder's reconstruction of a block coded with its DC: nothing when empty, the DC-only
   * shortcut when the end is 1, else the full inverse DCT of the dequantized values.
   */
  private void addBlock(
      short[] tokens,
      int tokOff,
      int end,
      short[] dequantized,
      int dqOff,
      byte[] canvas,
      int off,
      int stride) {
    if (end == 0) {
      return;
    }
    if (end == 1) {
      InverseTransform.dcOnlyAdd(dequantized[dqOff], canvas, off, stride);
      return;
    }
    InverseTransform.idctAdd(dequantized, dqOff, canvas, off, stride, scratch);
  }
}
