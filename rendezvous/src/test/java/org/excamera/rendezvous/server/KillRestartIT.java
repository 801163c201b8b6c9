package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.ChildProcess;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs in a child process and is killed with SIGKILL in the middle of a job: with
 * fetches waiting and a publish in flight. After a restart on the same port and data directory,
 * every state acknowledged before the kill is there, the waiting clients reconnect and complete,
 * and the interrupted publish completes on retry.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KillRestartIT {
  private static final String JOB = "killed-mid-job";

  @TempDir Path data;

  private static StateKey key(int chunk) {
    return new StateKey(0, chunk, "final");
  }

  private static RendezvousClient client(int port) {
    return LoopbackServer.clientBuilder("127.0.0.1:" + port, JOB)
        .retryBudget(Duration.ofSeconds(90))
        .heartbeat(Duration.ofMillis(300))
        .build();
  }

  @Test
  void acknowledgedStatesSurviveAndWaitersComplete() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    ChildProcess first = ChildProcess.start(data, 0);
    int port = first.port();
    try (ChildProcess killed = first;
        RendezvousClient writer = client(port)) {
      List<byte[]> acknowledged = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        acknowledged.add(Payloads.of(i, 512 * 1024 + i));
        writer.publish(JOB, key(i), acknowledged.get(i));
      }
      List<Future<byte[]>> waiters = new ArrayList<>();
      for (int i = 5; i < 9; i++) {
        StateKey k = key(i);
        waiters.add(
            pool.submit(
                () -> {
                  try (RendezvousClient reader = client(port)) {
                    return reader.fetch(JOB, k, Duration.ofSeconds(150));
                  }
                }));
      }
      byte[] inFlight = Payloads.of(100, 48 << 20);
      Future<?> interrupted =
          pool.submit(
              () -> {
                try (RendezvousClient c = client(port)) {
                  c.publish(JOB, key(100), inFlight);
                }
                return null;
              });
      awaitPartFile();
      killed.kill();

      try (ChildProcess second = ChildProcess.start(data, port);
          RendezvousClient after = client(port)) {
        assertEquals(port, second.port());
        for (int i = 0; i < 5; i++) {
          assertArrayEquals(acknowledged.get(i), after.fetch(JOB, key(i), Duration.ZERO));
        }
        List<byte[]> late = new ArrayList<>();
        for (int i = 5; i < 9; i++) {
          late.add(Payloads.of(i, 256 * 1024));
          after.publish(JOB, key(i), late.get(i - 5));
        }
        for (int i = 0; i < waiters.size(); i++) {
          assertArrayEquals(late.get(i), waiters.get(i).get(120, TimeUnit.SECONDS));
        }
        interrupted.get(120, TimeUnit.SECONDS);
        assertArrayEquals(inFlight, after.fetch(JOB, key(100), Duration.ZERO));
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  /** Waits until the big publish is under way: its part file exists in the job's directory. */
  private void awaitPartFile() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() - deadline < 0) {
      try (Stream<Path> files = Files.walk(data)) {
        if (files.anyMatch(p -> p.getFileName().toString().startsWith("b0.c100."))) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the 48 MB publish never started");
  }
}
