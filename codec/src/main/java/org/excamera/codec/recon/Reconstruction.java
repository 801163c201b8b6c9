package org.excamera.codec.recon;

import java.util.Arrays;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.picture.Plane;
import org.excamera.codec.state.References;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ParsedFrame;
import org.excamera.codec.syntax.PredictionMode;
import org.excamera.codec.syntax.Residuals;
import org.excamera.codec.tables.CoefficientTables;

/**
 * Applies a parsed frame's prediction records and coefficients to a canvas, macroblock by
 * macroblock in raster order (RFC 6386 §12, §14, §18), before loop filtering. Intra prediction
 * reads the canvas, so it sees unfiltered neighbours, as libvpx's delayed filter does; the canvas
 * edges are set first (127 above the frame, 129 left of it), and after each macroblock row its last
 * luma row is extended by four pixels for the above-right edge of the next row's last B_PRED
 * subblocks. Residuals are added after prediction (per subblock for B_PRED).
 */
public final class Reconstruction {
  private static final int[] ZIGZAG = CoefficientTables.zigzag();

  private final ParsedFrame frame;
  private final MacroblockModes modes;
  private final Residuals residuals;
  private final References references;
  private final PictureBuilder canvas;
  private final Dequantizer dequantizer;
  private final boolean bilinear;
  private final boolean fullPixel;
  private final InterPredictor inter = new InterPredictor();
  private final SplitMvPrediction split = new SplitMvPrediction(inter);
  private final int[] subMvs = new int[16];
  private final short[] block = new short[16];
  private final short[] y2 = new short[16];
  private final short[] dcs = new short[16];
  private final short[] scratch = new short[16];
  private final int[] edge = new int[13];

  /**
   * A reconstruction of {@code frame} into {@code canvas}; {@link #row} must then be called for
   * every macroblock row in order.
   *
   * @param segments the segmentation values after this frame's header update
   * @param references the references before this frame
   */
  public Reconstruction(
      ParsedFrame frame, Segmentation segments, References references, PictureBuilder canvas) {
    this.frame = frame;
    this.modes = frame.modes();
    this.residuals = frame.residuals();
    this.references = references;
    this.canvas = canvas;
    FrameHeader h = frame.header();
    this.dequantizer = new Dequantizer(h.quantIndices(), h.segmentation(), segments);
    int version = h.tag().version();
    this.bilinear = version >= 1 && version <= 3;
    this.fullPixel = version == 3;
    for (int p = 0; p < 3; p++) {
      setEdges(p);
    }
  }

  /** Reconstructs the whole frame into the canvas (no loop filter). */
  public static void run(
      ParsedFrame frame, Segmentation segments, References references, PictureBuilder canvas) {
    Reconstruction r = new Reconstruction(frame, segments, references, canvas);
    for (int row = 0; row < frame.modes().mbRows(); row++) {
      r.row(row);
    }
  }

  /**
   * Reconstructs macroblock row {@code row}. Rows must come in order; the loop filter may run on
   * row {@code row - 1} once this returns (intra prediction of later rows only reads this row).
   */
  public void row(int row) {
    int mbCols = modes.mbCols();
    byte[] y = canvas.data(0);
    int yStride = canvas.stride(0);
    int mb = row * mbCols;
    for (int col = 0; col < mbCols; ) {
      if (isZeroMvInter(mb)) {
        int run = 1;
        while (col + run < mbCols
            && isZeroMvInter(mb + run)
            && modes.refFrame(mb + run) == modes.refFrame(mb)) {
          run++;
        }
        copyRun(mb, row, col, run);
        for (int i = 0; i < run; i++) {
          if (residuals.hasTokens(mb + i)) {
            addResidual(mb + i, row, col + i);
          }
        }
        col += run;
        mb += run;
      } else {
        macroblock(mb, row, col);
        col++;
        mb++;
      }
    }
    int last = canvas.origin(0) + (row * 16 + 15) * yStride + mbCols * 16;
    Arrays.fill(y, last, last + 4, y[last - 1]);
  }

  /** An inter macroblock predicted from the co-located block (its residual comes after). */
  private boolean isZeroMvInter(int mb) {
    int yMode = modes.yMode(mb);
    return PredictionMode.isInter(yMode) && yMode != PredictionMode.SPLITMV && modes.mv(mb) == 0;
  }

  /** Predicts {@code run} zero-vector macroblocks from {@code col} on: whole-row copies. */
  private void copyRun(int mb, int row, int col, int run) {
    Picture ref = references.get(modes.refFrame(mb));
    for (int p = 0; p < 3; p++) {
      Plane from = ref.plane(p);
      int size = p == 0 ? 16 : 8;
      byte[] src = from.samplesUnsafe();
      byte[] dst = canvas.data(p);
      int stride = canvas.stride(p);
      int off = canvas.origin(p) + row * size * stride + col * size;
      int srcStride = from.stride();
      int srcOff = from.origin() + row * size * srcStride + col * size;
      InterPredictor.copy(src, srcOff, srcStride, dst, off, stride, run * size, size);
    }
  }

  private void setEdges(int p) {
    byte[] d = canvas.data(p);
    int stride = canvas.stride(p);
    int origin = canvas.origin(p);
    int border = canvas.border(p);
    Arrays.fill(d, origin - stride - border, origin - stride - border + stride, (byte) 127);
    for (int r = 0; r < canvas.height(p); r++) {
      d[origin + r * stride - 1] = (byte) 129;
    }
  }

  private void macroblock(int mb, int row, int col) {
    int yMode = modes.yMode(mb);
    int[] f = dequantizer.factors(modes.segmentId(mb));
    boolean residual = residuals.hasTokens(mb);
    int yStride = canvas.stride(0);
    int uvStride = canvas.stride(1);
    int yOff = canvas.origin(0) + row * 16 * yStride + col * 16;
    int uvOff = canvas.origin(1) + row * 8 * uvStride + col * 8;
    byte[] yd = canvas.data(0);
    if (!PredictionMode.isInter(yMode)) {
      int uvMode = modes.uvMode(mb);
      IntraPredictor.predictBlock(uvMode, canvas.data(1), uvOff, uvStride, 8, row > 0, col > 0);
      IntraPredictor.predictBlock(uvMode, canvas.data(2), uvOff, uvStride, 8, row > 0, col > 0);
      if (yMode == PredictionMode.B_PRED) {
        bPred(mb, yd, yOff, yStride, f);
      } else {
        IntraPredictor.predictBlock(yMode, yd, yOff, yStride, 16, row > 0, col > 0);
      }
    } else {
      interPredict(mb, row, col, yOff, uvOff);
    }
    if (!residual) {
      return;
    }
    if (yMode == PredictionMode.B_PRED) {
      addChromaResidual(mb, row, col); // the luma residual went in subblock by subblock
    } else {
      addResidual(mb, row, col);
    }
  }

  /** Adds the residual of a predicted macroblock other than B_PRED (§14). */
  private void addResidual(int mb, int row, int col) {
    int[] f = dequantizer.factors(modes.segmentId(mb));
    int yStride = canvas.stride(0);
    int yOff = canvas.origin(0) + row * 16 * yStride + col * 16;
    byte[] yd = canvas.data(0);
    short[] c = residuals.coefficientsUnsafe();
    int o = residuals.offset(mb);
    if (modes.hasY2(mb)) {
      int end = residuals.end(mb, Residuals.Y2);
      if (end == 0) {
        Arrays.fill(dcs, (short) 0);
      } else if (end == 1) {
        // A DC-only Y2 block: every output of the inverse WHT is (dc + 3) >> 3 (§14.3).
        Arrays.fill(
            dcs, (short) (((short) (c[o + Residuals.Y2 * 16] * f[Dequantizer.Y2_DC]) + 3) >> 3));
      } else {
        dequantize(c, o + Residuals.Y2 * 16, end, f[Dequantizer.Y2_DC], f[Dequantizer.Y2_AC], y2);
        InverseTransform.inverseWht(y2, 0, dcs, 0, 1, scratch);
        clear(y2, end);
      }
      // Two blocks side by side at a time: when neither has coefficients of its own (the usual
      // case), both are DC-only and go through the packed kernel.
      for (int b = 0; b < 16; b += 2) {
        int off = yOff + (b >> 2) * 4 * yStride + (b & 3) * 4;
        int e0 = residuals.end(mb, b);
        int e1 = residuals.end(mb, b + 1);
        if ((e0 | e1) == 0) {
          PackedDcAdd.add(yd, off, yStride, dcs[b], dcs[b + 1]);
        } else {
          addLumaAfterY2(c, o + b * 16, e0, dcs[b], f[Dequantizer.Y_AC], yd, off, yStride);
          addLumaAfterY2(
              c, o + (b + 1) * 16, e1, dcs[b + 1], f[Dequantizer.Y_AC], yd, off + 4, yStride);
        }
      }
    } else {
      for (int b = 0; b < 16; b++) {
        int off = yOff + (b >> 2) * 4 * yStride + (b & 3) * 4;
        addBlock(c, o, mb, b, f[Dequantizer.Y_DC], f[Dequantizer.Y_AC], yd, off, yStride);
      }
    }
    addChromaResidual(mb, row, col);
  }

  private void addChromaResidual(int mb, int row, int col) {
    int[] f = dequantizer.factors(modes.segmentId(mb));
    int uvStride = canvas.stride(1);
    int uvOff = canvas.origin(1) + row * 8 * uvStride + col * 8;
    short[] c = residuals.coefficientsUnsafe();
    int o = residuals.offset(mb);
    int dc = f[Dequantizer.UV_DC];
    for (int b = 16; b < 24; b += 2) {
      byte[] d = canvas.data(b < 20 ? 1 : 2);
      int off = uvOff + ((b & 3) >> 1) * 4 * uvStride;
      int e0 = residuals.end(mb, b);
      int e1 = residuals.end(mb, b + 1);
      if ((e0 | e1) <= 1) {
        // At most a DC each (coefficients past a block's end are not to be read).
        int dc0 = e0 == 0 ? 0 : c[o + b * 16] * dc;
        int dc1 = e1 == 0 ? 0 : c[o + (b + 1) * 16] * dc;
        PackedDcAdd.add(d, off, uvStride, dc0, dc1);
      } else {
        addBlock(c, o, mb, b, dc, f[Dequantizer.UV_AC], d, off, uvStride);
        addBlock(c, o, mb, b + 1, dc, f[Dequantizer.UV_AC], d, off + 4, uvStride);
      }
    }
  }

  /** Adds a luma block whose DC came from the Y2 block (§14.2); {@code at}: its coefficients. */
  private void addLumaAfterY2(
      short[] c, int at, int end, int dc, int ac, byte[] d, int off, int stride) {
    if (end == 0) {
      InverseTransform.dcOnlyAdd(dc, d, off, stride);
      return;
    }
    dequantize(c, at, end, 1, ac, block);
    block[0] = (short) dc;
    InverseTransform.idctAdd(block, 0, d, off, stride, scratch);
    clear(block, end);
  }

  /**
   * Dequantizes a block from token order ({@code c[at ..]}) into raster order, 16-bit products as
   * libvpx; {@code out} must be all zero and is returned to zero by {@link #clear}. Reads only
   * positions before {@code end >= 1}: past a block's end the coefficients may be stale (see {@link
   * org.excamera.codec.syntax.FrameTokens}).
   */
  private static void dequantize(short[] c, int at, int end, int dc, int ac, short[] out) {
    out[0] = (short) (c[at] * dc);
    for (int i = 1; i < end; i++) {
      out[ZIGZAG[i]] = (short) (c[at + i] * ac);
    }
  }

  private static void clear(short[] out, int end) {
    out[0] = 0;
    for (int i = 1; i < end; i++) {
      out[ZIGZAG[i]] = 0;
    }
  }

  private void addBlock(
      short[] c, int o, int mb, int b, int dc, int ac, byte[] d, int off, int stride) {
    int end = residuals.end(mb, b);
    if (end == 0) {
      return;
    }
    int at = o + b * 16;
    if (end == 1) {
      InverseTransform.dcOnlyAdd((short) (c[at] * dc), d, off, stride);
      return;
    }
    dequantize(c, at, end, dc, ac, block);
    InverseTransform.idctAdd(block, 0, d, off, stride, scratch);
    clear(block, end);
  }

  private void bPred(int mb, byte[] d, int yOff, int stride, int[] f) {
    // Above-right of the right-column subblocks below the top row: the macroblock's own
    // above-right pixels (row -1, columns 16..19), as libvpx's intra_prediction_down_copy.
    int aboveRight = yOff - stride + 16;
    short[] c = residuals.coefficientsUnsafe();
    int o = residuals.offset(mb);
    for (int b = 0; b < 16; b++) {
      int off = yOff + (b >> 2) * 4 * stride + (b & 3) * 4;
      int[] e = edge;
      e[0] = d[off + 3 * stride - 1] & 0xFF;
      e[1] = d[off + 2 * stride - 1] & 0xFF;
      e[2] = d[off + stride - 1] & 0xFF;
      e[3] = d[off - 1] & 0xFF;
      int above = off - stride;
      e[4] = d[above - 1] & 0xFF;
      for (int i = 0; i < 4; i++) {
        e[5 + i] = d[above + i] & 0xFF;
      }
      int ar = (b & 3) == 3 ? aboveRight : above + 4;
      for (int i = 0; i < 4; i++) {
        e[9 + i] = d[ar + i] & 0xFF;
      }
      IntraPredictor.predictSubblock(modes.bMode(mb, b), e, d, off, stride);
      addBlock(c, o, mb, b, f[Dequantizer.Y_DC], f[Dequantizer.Y_AC], d, off, stride);
    }
  }

  private void interPredict(int mb, int row, int col, int yOff, int uvOff) {
    Picture ref = references.get(modes.refFrame(mb));
    Plane ry = ref.y();
    byte[] yd = canvas.data(0);
    int yStride = canvas.stride(0);
    int uvStride = canvas.stride(1);
    int x = col * 16;
    int y = row * 16;
    if (modes.yMode(mb) != PredictionMode.SPLITMV) {
      int mv = modes.mv(mb);
      int mvRow = mv >> 16;
      int mvCol = (short) mv;
      inter.predict(ry, x, y, mvRow, mvCol, 16, 16, bilinear, yd, yOff, yStride);
      int cr = (mvRow + (mvRow < 0 ? -1 : 1)) / 2;
      int cc = (mvCol + (mvCol < 0 ? -1 : 1)) / 2;
      if (fullPixel) {
        cr &= ~7;
        cc &= ~7;
      }
      inter.predict(
          ref.u(), x >> 1, y >> 1, cr, cc, 8, 8, bilinear, canvas.data(1), uvOff, uvStride);
      inter.predict(
          ref.v(), x >> 1, y >> 1, cr, cc, 8, 8, bilinear, canvas.data(2), uvOff, uvStride);
      return;
    }
    for (int b = 0; b < 16; b++) {
      subMvs[b] = modes.subMv(mb, b);
    }
    split.macroblock(ref, x, y, subMvs, bilinear, fullPixel, canvas, yOff, uvOff);
  }
}
