package org.excamera.rendezvous.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ChildServer} process: started, killed with SIGKILL, always reaped. */
public final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ChildProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a child server on {@code dataDir} and {@code port} (0: any) and waits until it serves.
   */
  public static ChildProcess start(Path dataDir, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ChildServer.class.getName(),
                    dataDir.toString(),
                    Integer.toString(port)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        return new ChildProcess(p, Integer.parseInt(line.substring(5).trim()));
      }
    }
    p.destroyForcibly();
    throw new IOException("child server exited before serving, code " + exitCode(p));
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "(running)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook, no flush, nothing runs in the child after this. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("child server survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaping the child server", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
