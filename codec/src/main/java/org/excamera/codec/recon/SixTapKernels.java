package org.excamera.codec.recon;

import java.util.Optional;
import org.excamera.codec.simd.VectorKernels;

/**
 * Picks the {@link SixTapPasses} of this JVM, as the loop filter picks its kernels: {@code
 * VectorSixTap} (compiled apart, as it needs the incubating {@code jdk.incubator.vector} module)
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}, was asked for it and
 * runs it fast (see {@link VectorKernels#wanted}, read once), else {@link PackedSixTap}.
 */
final class SixTapKernels {

  private static final String VECTOR_CLASS = "org.excamera.codec.recon.VectorSixTap";

  /** The JDK-only passes. */
  static final SixTapPasses PACKED = new PackedSixTap();

  /** The passes {@link SixTapFilter} uses. */
  static final SixTapPasses CHOSEN = VectorKernels.wanted() ? vector().orElseThrow() : PACKED;

  private SixTapKernels() {}

  /** The Vector API passes, if this JVM has the module (however fast it runs them). */
  static Optional<SixTapPasses> vector() {
    return VectorKernels.find(VECTOR_CLASS).map(SixTapKernels::instance);
  }

  /**
   * Whether this JVM runs the Vector API passes fast and was asked to (see {@link
   * VectorKernels#wanted}).
   */
  static boolean runsFast() {
    return VectorKernels.runFast();
  }

  private static SixTapPasses instance(Class<?> c) {
    try {
      return c.asSubclass(SixTapPasses.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(VECTOR_CLASS + " has no usable constructor", e);
    }
  }
}
