/**
 * Parsed frames (RFC 6386 §11, §13, §16–17, §19.3): a {@link ParsedFrame} is a frame header, the
 * per-macroblock prediction records ({@link MacroblockModes}) and the quantized coefficients
 * ({@link Residuals}). {@link FrameParser} reads one from bytes and {@link FrameWriter} writes one
 * back; with the same probabilities the bytes are identical. Encoders build or edit parsed frames
 * through the builders and write them with {@link FrameWriter}.
 */
@NullMarked
package org.excamera.codec.syntax;

import org.jspecify.annotations.NullMarked;
