package org.excamera.rendezvous.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of deleted jobs are reused for new publishes, and that never shows: a state written over a
 * longer spare is stored at its exact length, a file someone is reading is never reused, the budget
 * holds, and spares outlive a restart.
 */
class SpareFilesTest {
  private static final Duration TTL = Duration.ofHours(1);
  private static final StateKey K0 = new StateKey(0, 0, "final");
  private static final StateKey K1 = new StateKey(0, 1, "final");
  private static final int CHUNK = 4096;

  @TempDir Path data;

  private static void put(StateStore store, String job, StateKey key, byte[] bytes)
      throws Exception {
    Attempt a = store.beginPublish(job, key, bytes.length);
    byte[] frames = Payloads.frames(bytes, false, CHUNK);
    a.append(frames, 0, frames.length);
    store.finish(a, Crc32c.of(bytes), ByteBuffer.allocate(1 << 16));
  }

  private List<Path> stateFiles() throws Exception {
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(p -> p.toString().endsWith(".state")).sorted().toList();
    }
  }

  private long spareFilesOnDisk() throws Exception {
    try (Stream<Path> s = Files.list(data.resolve(SpareFiles.DIRECTORY))) {
      return s.count();
    }
  }

  /** The stored file holds exactly the state's frames, then a trailer that checks out. */
  private void assertStoredExactly(Path state, byte[] bytes) throws Exception {
    byte[] frames = Payloads.frames(bytes, false, CHUNK);
    byte[] file = Files.readAllBytes(state);
    assertArrayEquals(frames, Arrays.copyOf(file, frames.length), "the frames as sent");
    StateFile.Trailer t = StateFile.readTrailer(state);
    assertEquals(frames.length, t.dataLength());
    assertEquals(Crc32c.of(bytes), t.crc());
  }

  @Test
  void aDeletedJobsFilesAreReusedAndTheNewStateIsExact() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    put(store, "job-a", K0, Payloads.random(1, 300_000));
    put(store, "job-a", K1, Payloads.random(2, 200_000));
    assertTrue(store.deleteJob("job-a"));
    assertEquals(2, store.spareFiles());

    byte[] smaller = Payloads.random(3, 50_000);
    put(store, "job-b", K0, smaller);
    assertEquals(1, store.spareFiles());
    assertTrue(store.spareBytes() > 300_000, "the closest spare (the 200 kB one) was taken");
    List<Path> states = stateFiles();
    assertEquals(1, states.size());
    assertStoredExactly(states.get(0), smaller);

    StateStore reopened = StateStore.open(data, Clock.systemUTC(), TTL);
    assertEquals(1, reopened.spareFiles(), "spares outlive a restart");
    try (Tail t = reopened.awaitSource("job-b", K0, 0)) {
      assertNotNull(t);
      Progress all = t.await(0, 0);
      assertEquals(Crc32c.of(smaller), t.await(all.available(), 0).crc());
    }
    byte[] larger = Payloads.random(4, 400_000);
    put(reopened, "job-c", K0, larger); // longer than the spare left: the file grows
    assertEquals(0, reopened.spareFiles());
    Path c = stateFiles().stream().filter(p -> !p.equals(states.get(0))).findFirst().orElseThrow();
    assertStoredExactly(c, larger);
  }

  @Test
  void filesBeingReadAreNotReused() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    byte[] bytes = Payloads.random(5, 100_000);
    put(store, "job-a", K0, bytes);
    byte[] frames = Payloads.frames(bytes, false, CHUNK);
    try (Tail reading = store.awaitSource("job-a", K0, 0)) {
      assertNotNull(reading);
      assertTrue(store.deleteJob("job-a"));
      assertEquals(0, store.spareFiles(), "a reader still has the file open");
      put(store, "job-b", K0, Payloads.random(6, 100_000));
      ByteBuffer got = ByteBuffer.allocate(frames.length);
      StateFile.readFully(reading.channel(), got, 0);
      assertArrayEquals(frames, got.array(), "the reader still sees the deleted job's state");
    }
    put(store, "job-c", K0, Payloads.random(7, 100));
    assertTrue(store.deleteJob("job-c"));
    assertEquals(1, store.spareFiles(), "with no reader, the files are reused");
  }

  @Test
  void theBudgetBoundsTheSpares() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL, 150_000);
    put(store, "job-a", K0, Payloads.random(8, 100_000));
    put(store, "job-a", K1, Payloads.random(9, 100_000));
    store.deleteJob("job-a");
    assertEquals(1, store.spareFiles());
    assertTrue(store.spareBytes() <= 150_000);
    assertEquals(1, spareFilesOnDisk(), "the file over the budget was deleted");

    StateStore none = StateStore.open(data, Clock.systemUTC(), TTL, 0);
    assertEquals(0, none.spareFiles());
    assertEquals(0, spareFilesOnDisk(), "with no budget, a restart deletes the spares");
  }

  @Test
  void anAbortedPublishLeavesASpare() throws Exception {
    StateStore store = StateStore.open(data, Clock.systemUTC(), TTL);
    Attempt a = store.beginPublish("job-a", K0, 10_000);
    byte[] frames = Payloads.frames(Payloads.random(10, 10_000), false, CHUNK);
    a.append(frames, 0, frames.length / 2);
    store.abort(a);
    assertEquals(1, store.spareFiles());
    put(store, "job-a", K0, Payloads.random(11, 10_000));
    assertEquals(0, store.spareFiles());
    assertStoredExactly(stateFiles().get(0), Payloads.random(11, 10_000));
  }
}
