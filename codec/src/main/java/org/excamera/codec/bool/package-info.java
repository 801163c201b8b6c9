/**
 * The boolean entropy coder of RFC 6386 §7 and tree coding of §8: {@link BoolDecoder} reads bools
 * with 8-bit probabilities, {@link BoolEncoder} writes exactly the bytes libvpx's encoder writes
 * (including its 32-bool flush), and {@link Tree} reads and writes tree-coded values.
 */
@NullMarked
package org.excamera.codec.bool;

import org.jspecify.annotations.NullMarked;
