package org.excamera.rendezvous.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.excamera.rendezvous.Sha256;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.testing.LoopbackServer;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 concurrent clients in 10 chains of 100, as in a job's serial rebase pass: client i of a
 * chain waits for client i-1's 1 MB state, checks it, then publishes its own. All connect at once,
 * so the server holds ~1,000 waiting fetches.
 *
 * <p>The data directory is on tmpfs ({@code /dev/shm}) when there is one: the virtual disk here
 * fsyncs at a few MB/s, and 1 GB of fsynced states would make this a disk benchmark. Durability
 * across a crash is tested on the real disk by {@link KillRestartIT}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChainsIT {
  private static final int CHAINS = 10;
  private static final int LINKS = 100;
  private static final int SIZE = 1 << 20;

  private Path data;

  @BeforeEach
  void makeDataDir() throws Exception {
    Path shm = Path.of("/dev/shm");
    data =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "rendezvous-chains-")
            : Files.createTempDirectory("rendezvous-chains-");
  }

  @AfterEach
  void removeDataDir() throws Exception {
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static long seed(int chain, int link) {
    return 1_000_003L * chain + link;
  }

  @Test
  void aThousandClientsInChainsAllComplete() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CHAINS * LINKS);
    try (LoopbackServer s = LoopbackServer.start(data)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Sha256>> links = new ArrayList<>();
      for (int c = 0; c < CHAINS; c++) {
        for (int i = 0; i < LINKS; i++) {
          int chain = c;
          int link = i;
          links.add(
              pool.submit(
                  () -> {
                    start.await();
                    try (RendezvousClient client =
                        s.clientBuilder("chains").retryBudget(Duration.ofMinutes(1)).build()) {
                      if (link > 0) {
                        byte[] previous =
                            client.fetch(
                                "chains",
                                new StateKey(chain, link - 1, "final"),
                                Duration.ofMinutes(4));
                        assertArrayEquals(Payloads.of(seed(chain, link - 1), SIZE), previous);
                      }
                      byte[] mine = Payloads.of(seed(chain, link), SIZE);
                      client.publish("chains", new StateKey(chain, link, "final"), mine);
                      return Sha256.digest(mine);
                    }
                  }));
        }
      }
      start.countDown();
      for (Future<Sha256> f : links) {
        f.get(280, TimeUnit.SECONDS);
      }
      assertEquals(CHAINS * LINKS, s.count("rendezvous.publishes", "outcome", "created"));
      assertTrue(
          s.count("rendezvous.fetches", "outcome", "served") >= CHAINS * (LINKS - 1),
          "at least one fetch served per link");
      assertTrue(s.server().buffers().peakInUse() <= s.server().buffers().limit());
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
  }
}
