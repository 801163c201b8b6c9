package org.excamera.codec.recon;

import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.header.UpdateSegmentation;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.tables.QuantTables;

/**
 * Dequantization factors of a frame per segment (RFC 6386 §9.6, §14.1, libvpx's {@code
 * vp8cx_init_de_quantizer}): the segment's quantizer index (absolute, or a delta on {@code
 * y_ac_qi}, clamped to 0..127) plus each delta, clamped again, looked up; Y2 DC doubled, Y2 AC
 * times 155/100 but at least 8, chroma DC at most 132.
 */
public final class Dequantizer {
  /** Factor slots. */
  public static final int Y_DC = 0;

  public static final int Y_AC = 1;
  public static final int Y2_DC = 2;
  public static final int Y2_AC = 3;
  public static final int UV_DC = 4;
  public static final int UV_AC = 5;

  private static final int[] DC = QuantTables.dcQLookup();
  private static final int[] AC = QuantTables.acQLookup();

  private final int[][] factors = new int[4][6];

  /** Factors for a frame with these indices and segmentation (values after this frame's update). */
  public Dequantizer(QuantIndices q, UpdateSegmentation frameSegmentation, Segmentation segments) {
    for (int s = 0; s < 4; s++) {
      int index = q.yAcQi();
      if (frameSegmentation.segmentationEnabled()) {
        index = segments.absoluteValues() ? segments.quantizer(s) : index + segments.quantizer(s);
        index = clampQ(index);
      }
      int[] f = factors[s];
      f[Y_DC] = DC[clampQ(index + q.yDcDelta().value())];
      f[Y_AC] = AC[index];
      f[Y2_DC] = DC[clampQ(index + q.y2DcDelta().value())] * 2;
      f[Y2_AC] = Math.max(8, AC[clampQ(index + q.y2AcDelta().value())] * 155 / 100);
      f[UV_DC] = Math.min(132, DC[clampQ(index + q.uvDcDelta().value())]);
      f[UV_AC] = AC[clampQ(index + q.uvAcDelta().value())];
    }
  }

  private static int clampQ(int q) {
    return q < 0 ? 0 : (q > 127 ? 127 : q);
  }

  /** The six factors of a segment (do not modify). */
  int[] factors(int segment) {
    return factors[segment];
  }

  /** One factor of a segment. */
  public int factor(int segment, int slot) {
    return factors[segment][slot];
  }
}
