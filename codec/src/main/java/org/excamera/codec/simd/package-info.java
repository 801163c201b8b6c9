/**
 * Where the codec's Vector API kernels are found: {@link VectorKernels} tells whether this JVM has
 * the incubating module and runs the kernels fast, and loads them by name.
 */
@NullMarked
package org.excamera.codec.simd;

import org.jspecify.annotations.NullMarked;
