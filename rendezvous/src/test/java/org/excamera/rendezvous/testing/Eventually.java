package org.excamera.rendezvous.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition for a bounded time (10 s); a test step that must happen, not a timing test. A
 * timeout fails with the stacks of the server's threads, so that a hang shows where it is.
 */
public final class Eventually {
  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within 10 s: " + what + "\nrendezvous threads:\n" + serverThreads());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }

  private static String serverThreads() {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (!e.getKey().getName().startsWith("rendezvous-")) {
        continue;
      }
      s.append(e.getKey().getName()).append(" (").append(e.getKey().getState()).append(")\n");
      for (StackTraceElement f : e.getValue()) {
        s.append("    at ").append(f).append('\n');
      }
    }
    return s.toString();
  }
}
