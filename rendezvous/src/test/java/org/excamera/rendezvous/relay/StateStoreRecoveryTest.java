package org.excamera.rendezvous.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store finds after a crash: only complete, acknowledged states, and no debris. */
class StateStoreRecoveryTest {
  private static final Duration TTL = Duration.ofHours(1);
  private static final StateKey K0 = new StateKey(0, 0, "final");
  private static final StateKey K1 = new StateKey(0, 1, "final");

  @TempDir Path data;

  /** Stores {@code bytes} as the DATA frames a client sends. */
  private static PublishOutcome put(StateStore store, String job, StateKey key, byte[] bytes)
      throws Exception {
    Attempt a = store.beginPublish(job, key, bytes.length);
    byte[] frames = Payloads.frames(bytes, false, 64);
    a.append(frames, 0, frames.length);
    return store.finish(a, Crc32c.of(bytes), ByteBuffer.allocate(1024));
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The data directory's entries but the spare files' directory. */
  private Stream<Path> jobDirectories() throws Exception {
    try (Stream<Path> s = Files.list(data)) {
      return s
          .filter(p -> !p.getFileName().toString().equals(SpareFiles.DIRECTORY))
          .toList()
          .stream();
    }
  }

  @Test
  void onlyCompleteStatesSurviveAReopen() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    assertEquals(PublishOutcome.CREATED, put(store, "job-a", K0, new byte[] {1, 2, 3}));
    Attempt unfinished = store.beginPublish("job-a", K1, 10);
    unfinished.append(new byte[5], 0, 5); // the server dies here: never acknowledged

    StateStore reopened = StateStore.open(data, Clock.systemUTC(), TTL);
    try (Tail t = reopened.awaitSource("job-a", K0, 0)) {
      assertNotNull(t);
      assertEquals(3, t.rawLength());
      Progress all = t.await(0, 0);
      assertEquals(Progress.Status.DATA, all.status());
      assertEquals(Crc32c.of(new byte[] {1, 2, 3}), t.await(all.available(), 0).crc());
    }
    assertNull(reopened.awaitSource("job-a", K1, 0), "the unfinished publish is gone");
    assertTrue(
        files(data).stream().noneMatch(p -> p.toString().endsWith(".part")), "no part files");
    assertEquals(PublishOutcome.ALREADY_PRESENT, put(reopened, "job-a", K0, new byte[] {1, 2, 3}));
  }

  @Test
  void debrisOfInterruptedCreatesAndDeletesIsRemoved() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    put(store, "job-a", K0, new byte[] {7});
    Path jobDir;
    try (Stream<Path> s = jobDirectories()) {
      jobDir = s.findFirst().orElseThrow();
    }
    Files.createDirectory(data.resolve("00000000000000000000000000000000-77")); // no job.id
    Files.createDirectory(data.resolve("11111111111111111111111111111111-3.deleted"));
    Path older = Files.createDirectory(data.resolve("22222222222222222222222222222222-0"));
    Files.writeString(older.resolve("job.id"), "job-a", StandardCharsets.UTF_8);

    StateStore reopened = StateStore.open(data, Clock.systemUTC(), TTL);
    try (Stream<Path> s = jobDirectories()) {
      assertEquals(List.of(jobDir), s.toList(), "only the newest incarnation of job-a is left");
    }
    try (Tail t = reopened.awaitSource("job-a", K0, 0)) {
      assertNotNull(t);
    }
    put(reopened, "job-b", K0, new byte[] {8});
    try (Stream<Path> s = Files.list(data)) {
      assertTrue(
          s.anyMatch(p -> p.getFileName().toString().endsWith("-78")),
          "new directories get incarnations above any seen, even removed ones");
    }
  }

  @Test
  void aDamagedStateFileIsMovedAsideNotServed() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    put(store, "job-a", K0, new byte[100]);
    Path state =
        files(data).stream().filter(p -> p.toString().endsWith(".state")).findFirst().orElseThrow();
    try (FileChannel ch = FileChannel.open(state, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {9}), ch.size() - 6); // the trailer's state checksum
    }
    StateStore reopened = StateStore.open(data, Clock.systemUTC(), TTL);
    assertNull(reopened.awaitSource("job-a", K0, 0));
    assertFalse(Files.exists(state));
    assertTrue(Files.exists(state.resolveSibling(state.getFileName() + ".corrupt")));
  }
}
