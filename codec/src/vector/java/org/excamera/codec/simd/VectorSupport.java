package org.excamera.codec.simd;

import java.lang.management.ManagementFactory;
import jdk.incubator.vector.ByteVector;

/** What the Vector API kernels of the codec need from the JVM they run in. */
public final class VectorSupport {
  private VectorSupport() {}

  /**
   * Whether this JVM compiles the kernels to vector instructions: they need 512-bit byte vectors
   * (AVX-512 here) for the transposes, and C2, as C1 (for example with {@code
   * -XX:TieredStopAtLevel=1}, AWS Lambda's default) leaves every Vector API call as boxed Java,
   * slower than the JDK-only kernels. Called reflectively by {@link VectorKernels}.
   */
  public static boolean runsFast() {
    if (ByteVector.SPECIES_PREFERRED.vectorBitSize() < 512) {
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
}
