package org.excamera.codec.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Finds the codec's Vector API kernels. They are compiled apart ({@code src/vector/java}), as they
 * need the incubating {@code jdk.incubator.vector} module, and exist for a JVM only when it was
 * started with {@code --add-modules jdk.incubator.vector}; nothing else refers to them by name.
 *
 * <p>Where the module is present they are used unless {@value #ENABLE_PROPERTY}{@code =false}.
 * There are two families of kernels, the loop filter's and the six-tap passes for 8- and 16-wide
 * blocks, and they use the same vector classes (128-bit bytes, 256-bit shorts, and the loop
 * filter's 512-bit transposes). An earlier six-tap on 64-bit vectors, beside the loop filter's
 * classes, made C2 compile some of the Vector API's shared methods ({@code ShortVector.lanewise},
 * {@code mul}) as plain Java with boxed vectors, which kernels that hit varied from run to run
 * (foreman 720p at 238 and at 116 frames/s in two runs of one build), and on CIF it hit the six-tap
 * in every run (half the JDK-only speed).
 */
public final class VectorKernels {
  /** The system property that, set to {@code false}, turns the Vector API kernels off. */
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
   * Whether the Vector API kernels are not turned off ({@value #ENABLE_PROPERTY} is not {@code
   * false}); read on every call.
   */
  public static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(ENABLE_PROPERTY));
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
