package org.excamera.codec.simd;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;

/** What the Vector API kernels of the codec need from the JVM they run in. */
public final class VectorSupport {
  private VectorSupport() {}

  /**
   * Whether this JVM compiles the kernels to vector instructions: they need 512-bit byte vectors
   * (AVX-512 here) for the transposes, and C2, as C1 (for example with {@code
   * -XX:TieredStopAtLevel=1}, AWS Lambda's default) leaves every Vector API call as boxed Java,
   * slower than the JDK-only kernels. The kernels are compiled against JDK 17's incubating API:
   * where the module lacks a method they call (JDK 20 removed {@code ByteVector.intoByteArray}, and
   * the kernels then failed with {@code NoSuchMethodError} in the first frame), it is false too.
   * Called reflectively by {@link VectorKernels}.
   */
  public static boolean runsFast() {
    if (ByteVector.SPECIES_PREFERRED.vectorBitSize() < 512 || !hasJdk17Api()) {
      return false;
    }
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")
          || arg.equals("-Xint")
          || arg.equals("-client")) {
        return false;
      }
    }
    return true;
  }

  /** Whether the module still has the JDK 17 methods that the kernels call. */
  private static boolean hasJdk17Api() {
    try {
      ByteVector.class.getMethod("intoByteArray", byte[].class, int.class, ByteOrder.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
