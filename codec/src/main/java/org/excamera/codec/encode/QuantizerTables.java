package org.excamera.codec.encode;

/**
 * The quantizers of one frame (or segment): for base index {@code qIndex} and the header's deltas,
 * a {@link BlockQuantizer} for each block type (RFC 6386 §13: Y beginning at coefficient 0 or 1,
 * Y2, chroma), as libvpx's {@code vp8cx_init_quantizer} builds them. Immutable.
 */
public final class QuantizerTables {
  private final DequantFactors factors;
  private final QuantDeltas deltas;
  private final BlockQuantizer y1;
  private final BlockQuantizer y2;
  private final BlockQuantizer uv;

  private QuantizerTables(int qIndex, QuantDeltas deltas) {
    this.deltas = deltas;
    this.factors = DequantFactors.of(qIndex, deltas);
    this.y1 = new BlockQuantizer(qIndex, factors.y1Dc(), factors.y1Ac());
    this.y2 = new BlockQuantizer(qIndex, factors.y2Dc(), factors.y2Ac());
    this.uv = new BlockQuantizer(qIndex, factors.uvDc(), factors.uvAc());
  }

  /** The tables for base index {@code qIndex} (0..127) with {@code deltas}. */
  public static QuantizerTables of(int qIndex, QuantDeltas deltas) {
    return new QuantizerTables(qIndex, deltas);
  }

  /** The tables libvpx uses at base index {@code qIndex} ({@link QuantDeltas#libvpxDefault}). */
  public static QuantizerTables libvpx(int qIndex) {
    return new QuantizerTables(qIndex, QuantDeltas.libvpxDefault(qIndex));
  }

  public int qIndex() {
    return y1.qIndex();
  }

  public QuantDeltas deltas() {
    return deltas;
  }

  public DequantFactors factors() {
    return factors;
  }

  /** Luma blocks (with or without their DC). */
  public BlockQuantizer y1() {
    return y1;
  }

  /** The Y2 block of second-order luma DC coefficients. */
  public BlockQuantizer y2() {
    return y2;
  }

  /** Chroma blocks. */
  public BlockQuantizer uv() {
    return uv;
  }
}
