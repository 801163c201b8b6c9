package org.excamera.codec.loopfilter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import org.excamera.codec.simd.VectorKernels;
import org.jspecify.annotations.Nullable;

/**
 * Picks the {@link MacroblockFilter} of a frame: {@code VectorMacroblockFilter} (compiled apart, as
 * it needs the incubating {@code jdk.incubator.vector} module) when the JVM was started with {@code
 * --add-modules jdk.incubator.vector}, runs it fast and has not turned it off (see {@link
 * VectorKernels#enabled}), else {@link PackedMacroblockFilter}. The property is read per frame, so
 * that {@code bench/LoopFilterBench} can alternate the two in one JVM.
 */
final class MacroblockFilters {

  private static final String VECTOR_CLASS = "org.excamera.codec.loopfilter.VectorMacroblockFilter";

  /** The vector filter's constructor, if the JVM has the module and runs the filter fast. */
  private static final @Nullable MethodHandle VECTOR =
      vectorConstructor().filter(c -> vectorRunsFast()).orElse(null);

  private MacroblockFilters() {}

  /** The fastest filter this JVM runs for a frame with these levels and filter type. */
  static MacroblockFilter forFrame(FilterLevels levels, boolean simple) {
    MethodHandle c = VECTOR;
    return c != null && VectorKernels.enabled()
        ? vector(c, levels, simple)
        : packed(levels, simple);
  }

  /** The JDK-only filter. */
  static MacroblockFilter packed(FilterLevels levels, boolean simple) {
    return new PackedMacroblockFilter(levels, simple);
  }

  /** The Vector API filter, if this JVM has the module (asked for or not). */
  static Optional<MacroblockFilter> vector(FilterLevels levels, boolean simple) {
    return vectorConstructor().map(c -> vector(c, levels, simple));
  }

  /** Whether {@link #forFrame} gives the Vector API filter now. */
  static boolean usesVector() {
    return VECTOR != null && VectorKernels.enabled();
  }

  private static MacroblockFilter vector(MethodHandle c, FilterLevels levels, boolean simple) {
    try {
      return (MacroblockFilter) c.invoke(levels, simple);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError("the vector loop filter's constructor threw", e);
    }
  }

  /** Whether this JVM has the module and runs the Vector API filter fast (asked for or not). */
  static boolean vectorRunsFast() {
    return VectorKernels.runFast();
  }

  private static Optional<MethodHandle> vectorConstructor() {
    return VectorKernels.find(VECTOR_CLASS)
        .map(
            c -> {
              try {
                return MethodHandles.lookup()
                    .findConstructor(
                        c, MethodType.methodType(void.class, FilterLevels.class, boolean.class));
              } catch (ReflectiveOperationException e) {
                throw new LinkageError(VECTOR_CLASS + " has no usable constructor", e);
              }
            });
  }
}
