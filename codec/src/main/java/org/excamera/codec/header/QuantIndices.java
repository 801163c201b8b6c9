package org.excamera.codec.header;

import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * Dequantization indices (RFC 6386 §9.6): the 7-bit {@code y_ac_qi} and five optional 4-bit deltas.
 * The deltas do not persist: an absent delta is 0 for this frame.
 */
public record QuantIndices(
    int yAcQi,
    SignedUpdate yDcDelta,
    SignedUpdate y2DcDelta,
    SignedUpdate y2AcDelta,
    SignedUpdate uvDcDelta,
    SignedUpdate uvAcDelta) {

  public QuantIndices {
    if (yAcQi < 0 || yAcQi > 127) {
      throw new IllegalArgumentException("y_ac_qi out of range: " + yAcQi);
    }
  }

  /** Indices with no deltas. */
  public static QuantIndices of(int yAcQi) {
    SignedUpdate a = SignedUpdate.ABSENT;
    return new QuantIndices(yAcQi, a, a, a, a, a);
  }

  /** Reads the section. */
  public static QuantIndices read(BoolDecoder in) {
    int q = in.readLiteral(7);
    return new QuantIndices(
        q,
        SignedUpdate.read(in, 4),
        SignedUpdate.read(in, 4),
        SignedUpdate.read(in, 4),
        SignedUpdate.read(in, 4),
        SignedUpdate.read(in, 4));
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    out.writeLiteral(yAcQi, 7);
    yDcDelta.write(out, 4);
    y2DcDelta.write(out, 4);
    y2AcDelta.write(out, 4);
    uvDcDelta.write(out, 4);
    uvAcDelta.write(out, 4);
  }

  /** The same indices with another {@code y_ac_qi}. */
  public QuantIndices withYAcQi(int q) {
    return new QuantIndices(q, yDcDelta, y2DcDelta, y2AcDelta, uvDcDelta, uvAcDelta);
  }
}
