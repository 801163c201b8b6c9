/**
 * The loop filter (RFC 6386 §15): {@link FilterLevels} computes each macroblock's level and the
 * edge limits, {@link EdgeFilters} holds the simple and normal edge kernels, and {@link
 * LoopFilterPass} visits the edges in libvpx's order.
 */
@NullMarked
package org.excamera.codec.loopfilter;

import org.jspecify.annotations.NullMarked;
