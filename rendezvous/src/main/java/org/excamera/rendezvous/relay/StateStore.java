package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.JobDeletedException;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.StateConflictException;
import org.excamera.rendezvous.StateKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's store of states, one directory per job under the data directory.
 *
 * <p>Publishing: {@link #beginPublish} opens a part file; the writer {@link Attempt#append}s DATA
 * frames, readers tail them as they land; {@link #finish} installs the state under its key (or
 * finds the same bytes already there, or a conflict), then writes the trailer, fsyncs the file,
 * renames it to its final name and fsyncs the directory before it returns: only then does the
 * server acknowledge. Readers may finish as soon as the checksum is known; if the server dies
 * before the fsync, the writer was not acknowledged and publishes again (states are deterministic).
 *
 * <p>Jobs idle for longer than the TTL are deleted by {@link #expireIdle}. On {@link #open}, part
 * files and half-deleted jobs are removed and every complete state is indexed again.
 *
 * <p>Part files are made from {@link SpareFiles} where there are any: the files of deleted jobs
 * nobody was reading, and of publishes not kept.
 */
public final class StateStore {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  private final DataDirectory directory;
  private final Clock clock;
  private final Duration ttl;
  private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong attemptIds = new AtomicLong();
  private final AtomicInteger waiting = new AtomicInteger();

  private StateStore(DataDirectory directory, Clock clock, Duration ttl) {
    this.directory = directory;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * Opens the store in {@code dataDir} (created if missing): deletes part files and half-deleted
   * jobs, and indexes the states of the newest incarnation of every job. Loaded jobs count as
   * active now, so a restart never shortens a TTL.
   */
  public static StateStore open(Path dataDir, Clock clock, Duration ttl) throws IOException {
    return open(dataDir, clock, ttl, DEFAULT_SPARE_BYTES);
  }

  /** Spare files kept by default: 512 MiB, some 45 states of 4K video. */
  public static final long DEFAULT_SPARE_BYTES = 512L << 20;

  /** As {@link #open(Path, Clock, Duration)}, keeping up to {@code spareBytes} of spare files. */
  public static StateStore open(Path dataDir, Clock clock, Duration ttl, long spareBytes)
      throws IOException {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("job TTL must be positive: " + ttl);
    }
    StateStore store = new StateStore(DataDirectory.open(dataDir, spareBytes), clock, ttl);
    store.load();
    return store;
  }

  private void load() throws IOException {
    int states = 0;
    long now = clock.millis();
    for (Map.Entry<String, Path> e : directory.recoverJobs().entrySet()) {
      Job job = new Job(e.getKey(), now);
      job.directory = CompletableFuture.completedFuture(e.getValue());
      for (Map.Entry<Path, StateFile.Trailer> f :
          directory.recoverStates(e.getValue()).entrySet()) {
        StateFile.Trailer t = f.getValue();
        Stored s = new Stored(t.rawLength(), t.dataLength(), t.crc());
        s.path = f.getKey();
        s.durable.complete(null);
        job.slot(t.key()).stored = s;
        states++;
      }
      jobs.put(job.id, job);
    }
    log.info("opened state store {}: {} jobs, {} states", directory.root(), jobs.size(), states);
  }

  /** Starts receiving a state: creates the job's directory if needed and a part file. */
  public Attempt beginPublish(String jobId, StateKey key, long rawLength) throws IOException {
    while (true) {
      Job job = jobs.computeIfAbsent(jobId, id -> new Job(id, clock.millis()));
      Path dir = directoryOf(job);
      Path part = dir.resolve(key.fileStem() + "." + attemptIds.incrementAndGet() + ".part");
      FileChannel channel;
      try {
        channel =
            directory.spares().takeInto(part, rawLength)
                ? FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(
                    part,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
      } catch (NoSuchFileException e) {
        if (isDeleted(job)) {
          continue; // deleted meanwhile; a fresh job takes its place
        }
        throw e;
      }
      job.lock.lock();
      try {
        if (!job.deleted) {
          Slot slot = job.slot(key);
          Attempt a = new Attempt(job, slot, part, new SharedFile(channel), rawLength);
          slot.attempts.add(a);
          job.liveAttempts++;
          job.lastActivityMillis = clock.millis();
          slot.changed.signalAll();
          return a;
        }
      } finally {
        job.lock.unlock();
      }
      channel.close();
      Files.deleteIfExists(part);
    }
  }

  private static boolean isDeleted(Job job) {
    job.lock.lock();
    try {
      return job.deleted;
    } finally {
      job.lock.unlock();
    }
  }

  /** The job's directory; the first caller creates it, the others wait for that. */
  private Path directoryOf(Job job) throws IOException {
    CompletableFuture<Path> dir;
    boolean create = false;
    job.lock.lock();
    try {
      if (job.directory == null) {
        job.directory = new CompletableFuture<>();
        create = true;
      }
      dir = job.directory;
    } finally {
      job.lock.unlock();
    }
    if (create) {
      try {
        dir.complete(directory.createJobDirectory(job.id));
      } catch (IOException | RuntimeException e) {
        dir.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return dir.get();
    } catch (ExecutionException e) {
      throw new IOException("creating the directory of job " + job.id + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating the directory of job " + job.id, e);
    }
  }

  /**
   * Installs a fully received attempt whose bytes the caller checked against {@code crc}, and
   * returns once it is durable. If the key already holds a state, the two are compared byte for
   * byte (a checksum alone could match by chance); {@code scratch} (from the memory budget, at
   * least 64 bytes) is used for that.
   *
   * @throws StateConflictException if the key holds different bytes
   * @throws JobDeletedException if the job was deleted meanwhile
   */
  public PublishOutcome finish(Attempt a, Crc32c crc, ByteBuffer scratch) throws IOException {
    Job job = a.job;
    Slot slot = a.slot;
    Stored target;
    boolean installed;
    long dataLength = a.writePosition();
    job.lock.lock();
    try {
      if (a.aborted || job.deleted) {
        throw new JobDeletedException("job %s was deleted during the publish".formatted(job.id));
      }
      if (a.written != dataLength) {
        throw new AssertionError("appended bytes not published to readers");
      }
      job.lastActivityMillis = clock.millis();
      slot.attempts.remove(a);
      Stored existing = slot.stored;
      installed = existing == null;
      if (existing == null) {
        target = new Stored(a.rawLength, dataLength, crc);
        a.file.retain();
        target.shared = a.file;
        slot.stored = target;
        a.crc = crc;
        a.ended = true;
        slot.changed.signalAll();
      } else if (existing.rawLength == a.rawLength && existing.crc.equals(crc)) {
        target = existing; // compared byte for byte below
      } else {
        a.aborted = true;
        slot.changed.signalAll();
        throw new StateConflictException(
            "job %s key %s already holds %d bytes with %s; this publish has %d bytes with %s"
                .formatted(job.id, slot.key, existing.rawLength, existing.crc, a.rawLength, crc));
      }
    } finally {
      job.lock.unlock();
      if (a.aborted) {
        writerDone(a, true);
      }
    }
    return installed ? install(a, target, crc) : compareWithStored(a, target, crc, scratch);
  }

  /** Makes an installed attempt's file durable under its final name. */
  private PublishOutcome install(Attempt a, Stored target, Crc32c crc) throws IOException {
    Job job = a.job;
    Slot slot = a.slot;
    Path finalPath = a.partFile.resolveSibling(slot.key.fileStem() + StateFile.SUFFIX);
    try {
      byte[] trailer = StateFile.trailer(slot.key, a.rawLength, target.dataLength, crc);
      StateFile.writeFully(a.file.channel, ByteBuffer.wrap(trailer), target.dataLength);
      a.file.channel.truncate(target.dataLength + trailer.length); // a spare may have been longer
      a.file.channel.force(true);
      Files.move(a.partFile, finalPath, StandardCopyOption.ATOMIC_MOVE);
      StateFile.syncDirectory(a.partFile.resolveSibling("."));
    } catch (IOException | RuntimeException e) {
      job.lock.lock();
      try {
        if (slot.stored == target) {
          slot.stored = null;
        }
        a.aborted = true;
        slot.changed.signalAll();
      } finally {
        job.lock.unlock();
      }
      target.durable.completeExceptionally(e);
      releaseShared(job, target);
      writerDone(a, true);
      throw e;
    }
    job.lock.lock();
    try {
      target.path = finalPath;
    } finally {
      job.lock.unlock();
    }
    releaseShared(job, target);
    target.durable.complete(null);
    writerDone(a, false);
    return PublishOutcome.CREATED;
  }

  /**
   * Compares a re-published attempt with the state stored under its key (same length and checksum)
   * once that is durable: the same bytes end the attempt as a duplicate, readers tailing it
   * included; different bytes abort it. Either way its part file goes.
   */
  private PublishOutcome compareWithStored(
      Attempt a, Stored existing, Crc32c crc, ByteBuffer scratch) throws IOException {
    Job job = a.job;
    Slot slot = a.slot;
    awaitDurable(existing, job.id, slot.key);
    Path path;
    job.lock.lock();
    try {
      path = existing.path;
    } finally {
      job.lock.unlock();
    }
    if (path == null) {
      throw new AssertionError("a durable state has no path");
    }
    boolean same;
    try (FileChannel stored = FileChannel.open(path, StandardOpenOption.READ)) {
      same =
          RawStateReader.sameRawBytes(
              a.file.channel, a.writePosition(), stored, existing.dataLength, scratch);
    } catch (NoSuchFileException e) {
      throw new JobDeletedException("job %s was deleted during the publish".formatted(job.id));
    }
    job.lock.lock();
    try {
      if (a.aborted || job.deleted) {
        throw new JobDeletedException("job %s was deleted during the publish".formatted(job.id));
      }
      if (same) {
        a.crc = crc;
        a.ended = true;
      } else {
        a.aborted = true;
      }
      slot.changed.signalAll();
    } finally {
      job.lock.unlock();
    }
    writerDone(a, true);
    if (!same) {
      throw new StateConflictException(
          "job %s key %s already holds other bytes of the same length and %s"
              .formatted(job.id, slot.key, crc));
    }
    return PublishOutcome.ALREADY_PRESENT;
  }

  private static void releaseShared(Job job, Stored target) {
    SharedFile s;
    boolean last;
    job.lock.lock();
    try {
      s = target.shared;
      target.shared = null;
      last = s != null && s.release();
    } finally {
      job.lock.unlock();
    }
    if (last && s != null) {
      s.close();
    }
  }

  private static void awaitDurable(Stored target, String job, StateKey key) throws IOException {
    try {
      target.durable.get();
    } catch (ExecutionException e) {
      throw new IOException(
          "storing job %s key %s failed in a concurrent publish".formatted(job, key), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a concurrent publish", e);
    }
  }

  /** Gives up on an attempt (the writer failed); readers tailing it are told to start over. */
  public void abort(Attempt a) {
    if (a.writerDone) {
      return;
    }
    Job job = a.job;
    job.lock.lock();
    try {
      if (!a.ended) {
        a.aborted = true;
        a.slot.attempts.remove(a);
        a.slot.changed.signalAll();
      }
    } finally {
      job.lock.unlock();
    }
    writerDone(a, !a.ended);
  }

  /**
   * The writer lets go of its attempt: drops its file reference and, if asked, the part file (kept
   * as a spare if nobody else has it open).
   */
  private void writerDone(Attempt a, boolean deletePart) {
    if (a.writerDone) {
      return;
    }
    a.writerDone = true;
    Job job = a.job;
    boolean last;
    job.lock.lock();
    try {
      job.liveAttempts--;
      last = a.file.release();
    } finally {
      job.lock.unlock();
    }
    if (last) {
      a.file.close();
    }
    if (deletePart && last) {
      directory.spares().offer(a.partFile);
    } else if (deletePart) {
      try {
        Files.deleteIfExists(a.partFile);
      } catch (IOException e) {
        log.warn("could not delete part file {}", a.partFile, e);
      }
    }
  }

  /**
   * Waits until {@code key} of {@code job} has a source (a stored state, or an attempt being
   * received), for at most {@code waitNanos}.
   *
   * @return a tail to read from, or null if nothing came within the wait
   * @throws JobDeletedException if the job is deleted while this waits
   */
  public @Nullable Tail awaitSource(String jobId, StateKey key, long waitNanos)
      throws InterruptedException, IOException {
    while (true) {
      Job job = jobs.computeIfAbsent(jobId, id -> new Job(id, clock.millis()));
      Stored durable;
      job.lock.lock();
      try {
        if (job.deleted) {
          continue; // deleted before this fetch came: a fresh job takes its place
        }
        job.lastActivityMillis = clock.millis();
        Slot slot = job.slot(key);
        long left = waitNanos;
        boolean counted = false;
        try {
          while (true) {
            Stored s = slot.stored;
            if (s != null) {
              job.openTails++; // for every tail returned below; Tail.close takes it back
              if (s.shared != null) {
                s.shared.retain();
                return Tail.ofShared(job, s, s.shared);
              }
              durable = s;
              break;
            }
            Attempt a = slot.tailable();
            if (a != null) {
              a.file.retain();
              job.openTails++;
              return Tail.ofAttempt(a);
            }
            if (left <= 0) {
              return null;
            }
            if (!counted) {
              counted = true;
              job.waiters++;
              waiting.incrementAndGet();
            }
            left = slot.changed.awaitNanos(left);
            if (job.deleted) {
              throw new JobDeletedException(
                  "job %s was deleted while waiting for %s".formatted(jobId, key));
            }
          }
        } finally {
          if (counted) {
            job.waiters--;
            waiting.decrementAndGet();
            job.lastActivityMillis = clock.millis();
          }
        }
      } finally {
        job.lock.unlock();
      }
      Path path = durable.path;
      if (path == null) {
        throw new AssertionError("a stored state has neither a shared file nor a path");
      }
      boolean opened = false;
      try {
        Tail t = Tail.ofChannel(job, durable, FileChannel.open(path, StandardOpenOption.READ));
        opened = true;
        return t;
      } catch (NoSuchFileException e) {
        throw new JobDeletedException("job %s was deleted while reading %s".formatted(jobId, key));
      } finally {
        if (!opened) {
          job.lock.lock();
          try {
            job.openTails--; // counted above for a tail that never came to be
          } finally {
            job.lock.unlock();
          }
        }
      }
    }
  }

  /**
   * Deletes a job: wakes its waiters (they fail with JOB_DELETED), aborts its publishes, removes
   * its directory. Returns whether the job had anything stored (a fetch alone leaves nothing).
   */
  public boolean deleteJob(String jobId) throws IOException {
    Job job = jobs.get(jobId);
    if (job == null) {
      return false;
    }
    CompletableFuture<Path> dir = markDeleted(job);
    if (dir == null) {
      return false;
    }
    removeDirectory(job, dir);
    log.info("deleted job {}", jobId);
    return true;
  }

  private @Nullable CompletableFuture<Path> markDeleted(Job job) {
    job.lock.lock();
    try {
      job.deleted = true;
      for (Slot s : job.slots.values()) {
        for (Attempt a : s.attempts) {
          a.aborted = true;
        }
      }
      job.signalAll();
      jobs.remove(job.id, job);
      return job.directory;
    } finally {
      job.lock.unlock();
    }
  }

  /**
   * Whether a deleted job's files may become spares: no writer and no reader has one open (a
   * deleted job gets neither any more, so the answer can only go from false to true).
   */
  private static boolean recyclable(Job job) {
    job.lock.lock();
    try {
      return job.openTails == 0 && job.liveAttempts == 0;
    } finally {
      job.lock.unlock();
    }
  }

  /** Removes a deleted job's directory, recycling its files where {@link #recyclable}. */
  private void removeDirectory(Job job, CompletableFuture<Path> dirFuture) throws IOException {
    Path dir;
    try {
      dir = dirFuture.get();
    } catch (ExecutionException e) {
      return; // never created
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while deleting a job", e);
    }
    directory.removeJobDirectory(dir, recyclable(job));
  }

  /** Deletes the jobs idle (no publish, fetch or waiter) for longer than the TTL. */
  public int expireIdle() throws IOException {
    long now = clock.millis();
    Map<Job, CompletableFuture<Path>> dirs = new LinkedHashMap<>();
    List<String> expired = new ArrayList<>();
    for (Job job : jobs.values()) {
      job.lock.lock();
      try {
        boolean idle =
            !job.deleted
                && job.liveAttempts == 0
                && job.waiters == 0
                && now - job.lastActivityMillis > ttl.toMillis();
        if (idle) {
          CompletableFuture<Path> dir = markDeleted(job); // reentrant: same decision, one hold
          expired.add(job.id);
          if (dir != null) {
            dirs.put(job, dir);
          }
        }
      } finally {
        job.lock.unlock();
      }
    }
    for (Map.Entry<Job, CompletableFuture<Path>> d : dirs.entrySet()) {
      removeDirectory(d.getKey(), d.getValue());
    }
    if (!expired.isEmpty()) {
      log.info("expired {} idle jobs: {}", expired.size(), expired);
    }
    return expired.size();
  }

  /** Fetches waiting right now. */
  public int waiting() {
    return waiting.get();
  }

  /** Jobs known right now. */
  public int jobCount() {
    return jobs.size();
  }

  public Path dataDir() {
    return directory.root();
  }

  /** Spare files held for reuse right now. */
  public int spareFiles() {
    return directory.spares().count();
  }

  /** Bytes of spare files held for reuse right now. */
  public long spareBytes() {
    return directory.spares().bytes();
  }
}
