package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.recon.InterPredictor;
import org.excamera.codec.recon.IntraPredictor;
import org.excamera.codec.recon.SplitMvPrediction;
import org.excamera.codec.syntax.MotionVector;

/**
 * Predicts a macroblock into the frame being built, exactly as the decoder's reconstruction does
 * (RFC 6386 §12, §18), with the decoder's kernels ({@link IntraPredictor}, {@link InterPredictor}):
 * intra prediction reads the canvas, so it sees the reconstructed (unfiltered) neighbours; the
 * canvas edges are 127 above the frame and 129 left of it ({@link #prepare}); after each macroblock
 * row the last luma row is extended by four samples ({@link #finishRow}) for the above-right edge
 * of the next row's last B_PRED subblocks. Inter prediction uses the six-tap filter, or the
 * bilinear one and full-sample chroma as the frame's version asks. A scratch object:
 * single-threaded, allocates nothing per call.
 */
public final class MacroblockPredictor {
  private final InterPredictor inter = new InterPredictor();
  private final SplitMvPrediction split = new SplitMvPrediction(inter);
  private final int[] edge = new int[13];
  private final boolean bilinear;
  private final boolean fullPixel;

  /** A predictor for frames of bitstream version {@code version} (0..3; RFC 6386 §9.1). */
  public MacroblockPredictor(int version) {
    this.bilinear = version >= 1 && version <= 3;
    this.fullPixel = version == 3;
  }

  /** Sets the canvas edges the decoder sets before a frame: 127 above, 129 to the left. */
  public static void prepare(PictureBuilder canvas) {
    for (int p = 0; p < 3; p++) {
      byte[] d = canvas.data(p);
      int stride = canvas.stride(p);
      int origin = canvas.origin(p);
      int border = canvas.border(p);
      Arrays.fill(d, origin - stride - border, origin - stride - border + stride, (byte) 127);
      for (int r = 0; r < canvas.height(p); r++) {
        d[origin + r * stride - 1] = (byte) 129;
      }
    }
  }

  /** Extends the last luma row of macroblock row {@code row} by four samples to the right. */
  public static void finishRow(PictureBuilder canvas, int row) {
    byte[] y = canvas.data(0);
    int last = canvas.origin(0) + (row * 16 + 15) * canvas.stride(0) + canvas.width(0);
    Arrays.fill(y, last, last + 4, y[last - 1]);
  }

  /** Offset of the top-left luma sample of macroblock (row, col) in the canvas. */
  public static int lumaOffset(PictureBuilder canvas, int row, int col) {
    return canvas.origin(0) + row * 16 * canvas.stride(0) + col * 16;
  }

  /** Offset of the top-left chroma sample of macroblock (row, col) in the canvas. */
  public static int chromaOffset(PictureBuilder canvas, int row, int col) {
    return canvas.origin(1) + row * 8 * canvas.stride(1) + col * 8;
  }

  /** Predicts the 16×16 luma with {@code mode} (DC_PRED, V_PRED, H_PRED or TM_PRED). */
  public void intraLuma(PictureBuilder canvas, int row, int col, int mode) {
    IntraPredictor.predictBlock(
        mode, canvas.data(0), lumaOffset(canvas, row, col), canvas.stride(0), 16, row > 0, col > 0);
  }

  /** Predicts both 8×8 chroma blocks with {@code mode} (DC_PRED, V_PRED, H_PRED or TM_PRED). */
  public void intraChroma(PictureBuilder canvas, int row, int col, int mode) {
    int off = chromaOffset(canvas, row, col);
    int stride = canvas.stride(1);
    IntraPredictor.predictBlock(mode, canvas.data(1), off, stride, 8, row > 0, col > 0);
    IntraPredictor.predictBlock(mode, canvas.data(2), off, stride, 8, row > 0, col > 0);
  }

  /**
   * Predicts luma subblock {@code b} of a B_PRED macroblock with subblock mode {@code bMode} from
   * the canvas, whose earlier subblocks of this macroblock must already be reconstructed. The
   * above-right samples of the right-column subblocks below the top row are the macroblock's own
   * above-right samples (row −1, columns 16..19), as libvpx does.
   */
  public void subblock(PictureBuilder canvas, int row, int col, int b, int bMode) {
    loadSubblockEdge(canvas, row, col, b);
    predictSubblockFromEdge(canvas, row, col, b, bMode);
  }

  /**
   * Reads the edge of luma subblock {@code b} (its left column, corner, above and above-right
   * samples) from the canvas, for {@link #predictSubblockFromEdge}. The edge lies outside the
   * subblock, so it stays valid while the subblock itself is predicted and reconstructed again.
   */
  public void loadSubblockEdge(PictureBuilder canvas, int row, int col, int b) {
    byte[] d = canvas.data(0);
    int stride = canvas.stride(0);
    int yOff = lumaOffset(canvas, row, col);
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
    int ar = (b & 3) == 3 ? yOff - stride + 16 : above + 4;
    for (int i = 0; i < 4; i++) {
      e[9 + i] = d[ar + i] & 0xFF;
    }
  }

  /**
   * The edge the last {@link #loadSubblockEdge} read, in {@link IntraPredictor#predictSubblock}'s
   * layout; the predictor's own array, to be read, not changed.
   */
  int[] edge() {
    return edge;
  }

  /**
   * Predicts luma subblock {@code b} with {@code bMode} from the edge the last {@link
   * #loadSubblockEdge} of this subblock read.
   */
  public void predictSubblockFromEdge(PictureBuilder canvas, int row, int col, int b, int bMode) {
    IntraPredictor.predictSubblock(
        bMode, edge, canvas.data(0), subblockOffset(canvas, row, col, b), canvas.stride(0));
  }

  /** Offset of the top-left sample of luma subblock {@code b} of macroblock (row, col). */
  public static int subblockOffset(PictureBuilder canvas, int row, int col, int b) {
    return lumaOffset(canvas, row, col) + (b >> 2) * 4 * canvas.stride(0) + (b & 3) * 4;
  }

  /**
   * Predicts a whole macroblock (NEARESTMV, NEARMV, ZEROMV or NEWMV) from {@code ref} displaced by
   * {@code mv} ({@link MotionVector}); chroma uses the luma vector halved with rounding away from
   * zero (RFC 6386 §17.4).
   */
  public void inter(PictureBuilder canvas, Picture ref, int row, int col, int mv) {
    int mvRow = MotionVector.row(mv);
    int mvCol = MotionVector.col(mv);
    int x = col * 16;
    int y = row * 16;
    inter.predict(
        ref.y(),
        x,
        y,
        mvRow,
        mvCol,
        16,
        16,
        bilinear,
        canvas.data(0),
        lumaOffset(canvas, row, col),
        canvas.stride(0));
    int cr = (mvRow + (mvRow < 0 ? -1 : 1)) / 2;
    int cc = (mvCol + (mvCol < 0 ? -1 : 1)) / 2;
    if (fullPixel) {
      cr &= ~7;
      cc &= ~7;
    }
    int uvOff = chromaOffset(canvas, row, col);
    int uvStride = canvas.stride(1);
    inter.predict(ref.u(), x >> 1, y >> 1, cr, cc, 8, 8, bilinear, canvas.data(1), uvOff, uvStride);
    inter.predict(ref.v(), x >> 1, y >> 1, cr, cc, 8, 8, bilinear, canvas.data(2), uvOff, uvStride);
  }

  /**
   * Predicts a SPLITMV macroblock from {@code ref}: each luma subblock with its own vector {@code
   * subMvs[b]}, each 4×4 chroma block with the rounded average of the four luma vectors it covers
   * (RFC 6386 §17.4).
   */
  public void split(PictureBuilder canvas, Picture ref, int row, int col, int[] subMvs) {
    split.macroblock(
        ref,
        col * 16,
        row * 16,
        subMvs,
        bilinear,
        fullPixel,
        canvas,
        lumaOffset(canvas, row, col),
        chromaOffset(canvas, row, col));
  }
}
