package org.excamera.codec.syntax;

import org.excamera.codec.header.FrameHeader;

/**
 * A frame as values (parse first, reconstruct second): its header, the prediction records of its
 * macroblocks and their quantized coefficients. {@link FrameWriter} turns it back into bytes.
 */
public record ParsedFrame(FrameHeader header, MacroblockModes modes, Residuals residuals) {
  public ParsedFrame {
    if (modes.count() != residuals.count()) {
      throw new IllegalArgumentException(
          "%d macroblock records but %d residual records"
              .formatted(modes.count(), residuals.count()));
    }
  }

  /** A copy with another header. */
  public ParsedFrame withHeader(FrameHeader h) {
    return new ParsedFrame(h, modes, residuals);
  }

  /** A copy with other prediction records. */
  public ParsedFrame withModes(MacroblockModes m) {
    return new ParsedFrame(header, m, residuals);
  }

  /** A copy with other coefficients. */
  public ParsedFrame withResiduals(Residuals r) {
    return new ParsedFrame(header, modes, r);
  }
}
