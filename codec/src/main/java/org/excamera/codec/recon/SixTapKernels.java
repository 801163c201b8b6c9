package org.excamera.codec.recon;

import org.excamera.codec.simd.VectorKernels;
import org.jspecify.annotations.Nullable;

/**
 * Finds the Vector API six-tap passes for 8- and 16-wide blocks, {@code VectorSixTap} (compiled
 * apart, as it needs the incubating {@code jdk.incubator.vector} module): used when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, runs it fast and has not turned it off
 * (see {@link VectorKernels#enabled}); decided once, when this class is initialized, so that the
 * JIT sees one implementation. Otherwise {@link PackedSixTap} runs.
 */
final class SixTapKernels {
  private static final String VECTOR_CLASS = "org.excamera.codec.recon.VectorSixTap";

  /** The Vector API passes, or null. */
  static final @Nullable SixTapPasses VECTOR =
      VectorKernels.enabled() && VectorKernels.runFast() ? vector() : null;

  private SixTapKernels() {}

  /** The Vector API passes, if this JVM has the module (however fast it runs them). */
  static @Nullable SixTapPasses vector() {
    return VectorKernels.find(VECTOR_CLASS).map(SixTapKernels::instance).orElse(null);
  }

  private static SixTapPasses instance(Class<?> c) {
    try {
      return c.asSubclass(SixTapPasses.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(VECTOR_CLASS + " has no usable constructor", e);
    }
  }
}
