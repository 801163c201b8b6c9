package org.excamera.codec.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Finds the codec's Vector API kernels. They are compiled apart ({@code src/vector/java}), as they
 * need the incubating {@code jdk.incubator.vector} module, and exist for a JVM only when it was
 * started with {@code --add-modules jdk.incubator.vector}; nothing else refers to them by name.
 */
public final class VectorKernels {
  private static final String SUPPORT_CLASS = "org.excamera.codec.simd.VectorSupport";

  private VectorKernels() {}

  /** Whether this JVM has the {@code jdk.incubator.vector} module. */
  public static boolean modulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** The kernel class of that name, if this JVM has the module (however fast it runs it). */
  public static Optional<Class<?>> find(String className) {
    if (!modulePresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Class.forName(className));
    } catch (ClassNotFoundException e) {
      throw new LinkageError("jdk.incubator.vector is present but " + className + " is not", e);
    }
  }

  /** {@code VectorSupport.runsFast()} where the module is present, else {@code false}. */
  public static boolean runFast() {
    if (!modulePresent()) {
      return false;
    }
    try {
      return (boolean)
          MethodHandles.lookup()
              .findStatic(
                  Class.forName(SUPPORT_CLASS), "runsFast", MethodType.methodType(boolean.class))
              .invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new LinkageError(SUPPORT_CLASS + ".runsFast failed", e);
    }
  }
}
