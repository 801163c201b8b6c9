package org.excamera.codec.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Finds the codec's Vector API kernels. They are compiled apart ({@code src/vector/java}), as they
 * need the incubating {@code jdk.incubator.vector} module, and exist for a JVM only when it was
 * started with {@code --add-modules jdk.incubator.vector}; nothing else refers to them by name.
 *
 * <p>They are used only when asked for with {@value #ENABLE_PROPERTY}{@code =true}: JDK 17's C2
 * compiles them well in some JVM runs and not in others (on foreman 720p the same build decoded at
 * 238 and at 116 frames/s in two runs, the JDK-only path at 198 and 268), and on CIF streams they
 * were slower than the JDK-only kernels in every run measured.
 */
public final class VectorKernels {
  /** The system property that, set to {@code true}, asks for the Vector API kernels. */
  public static final String ENABLE_PROPERTY = "excamera.vector";

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

  /**
   * Whether the codec uses its Vector API kernels: {@value #ENABLE_PROPERTY} is {@code true} and
   * {@link #runFast}.
   */
  public static boolean wanted() {
    return Boolean.getBoolean(ENABLE_PROPERTY) && runFast();
  }

  /** Whether the module is present and {@code VectorSupport.runsFast()} (asked for or not). */
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
