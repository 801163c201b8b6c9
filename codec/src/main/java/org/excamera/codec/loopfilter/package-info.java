/**
 * The loop filter (RFC 6386 §15): {@link FilterLevels} computes each macroblock's level and the
 * edge limits, {@link PackedEdgeFilters} holds the simple and normal edge kernels (eight positions
 * at a time in the 16-bit lanes of {@link PackedLanes}), and {@link LoopFilterPass} visits the
 * edges in libvpx's order.
 */
@NullMarked
package org.excamera.codec.loopfilter;

import org.jspecify.annotations.NullMarked;
