/**
 * Reconstruction (RFC 6386 §12, §14, §18): dequantization, the inverse WHT and DCT, intra
 * prediction with the reference decoder's edge rules, inter prediction with six-tap or bilinear
 * sub-pixel filters, and {@link Reconstruction}, which applies a parsed frame's records to a
 * canvas. Kernels are static methods over primitive arrays with offsets and strides.
 */
@NullMarked
package org.excamera.codec.recon;

import org.jspecify.annotations.NullMarked;
