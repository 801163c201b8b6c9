/**
 * Encoder kernels: the forward 4×4 DCT and Walsh–Hadamard transforms, libvpx's regular quantizer
 * with its per-quantizer-index tables, bit costs of bools and coefficient tokens, SSIM and PSNR,
 * and motion-search primitives (SAD, pattern search, six-tap sub-pixel refinement). Where libvpx
 * defines a kernel (transforms, quantizer, costs, SSIM) the result is bit-exact with its C
 * reference; each class says which function it follows. Kernels are static methods over primitive
 * arrays with offsets and strides; they allocate nothing per block and keep no state.
 */
@NullMarked
package org.excamera.codec.encode;

import org.jspecify.annotations.NullMarked;
