/**
 * The loop filter (RFC 6386 §15): {@link FilterLevels} computes each macroblock's level and the
 * edge limits, {@link LoopFilterPass} visits the macroblocks, and a {@link MacroblockFilter}
 * filters each one's edges in libvpx's order. {@link MacroblockFilters} picks the filter:
 * VectorMacroblockFilter with VectorEdgeFilters (sixteen positions at a time with the incubating
 * Vector API; in {@code src/vector/java}, compiled apart) when the JVM has {@code
 * jdk.incubator.vector} and compiles it to vector instructions, else {@link PackedMacroblockFilter}
 * with {@link PackedEdgeFilters} (eight positions at a time in the 16-bit lanes of {@link
 * PackedLanes}, JDK only). Both are bit-exact with libvpx.
 */
@NullMarked
package org.excamera.codec.loopfilter;

import org.jspecify.annotations.NullMarked;
