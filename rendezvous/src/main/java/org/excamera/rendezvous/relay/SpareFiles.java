package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files of deleted jobs (and of publishes that were not kept) kept for reuse as part files, as a
 * database recycles its log segments. Writing a state over a recycled file costs less CPU than
 * writing it into a new one: its blocks are allocated and its pages usually cached, so the kernel
 * copies bytes instead of allocating pages and, at the fsync, blocks (the thread receiving an 11
 * MiB publish spent 9.1-9.4 instead of 11.4-12.8 ms per hop; {@code scripts/bench-rendezvous}).
 *
 * <p>The pool lives in {@code <data dir>/spare}, holds at most {@code budgetBytes} (0 turns it
 * off), and survives restarts: a spare holds no state anyone can read (a part file made from it is
 * read only up to what its new publish wrote, and truncated to its state's length before it is
 * fsynced), so a crash at any point leaves nothing to clean up but files to reuse. Moves within the
 * data directory are renames; none needs an fsync, since a spare lost or found twice in a crash is
 * harmless.
 */
final class SpareFiles {
  private static final Logger log = LoggerFactory.getLogger(SpareFiles.class);
  static final String DIRECTORY = "spare";
  private static final String SUFFIX = ".spare";

  private final Path dir;
  private final long budgetBytes;
  private final TreeMap<Long, ArrayDeque<Path>> bySize = new TreeMap<>(); // guarded by this
  private long bytes; // guarded by this
  private long names; // guarded by this

  private SpareFiles(Path dir, long budgetBytes) {
    this.dir = dir;
    this.budgetBytes = budgetBytes;
  }

  /** The pool in {@code root/spare}: indexes the spares a previous run left, within the budget. */
  static SpareFiles open(Path root, long budgetBytes) throws IOException {
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("spare budget must be >= 0, got " + budgetBytes);
    }
    SpareFiles pool = new SpareFiles(root.resolve(DIRECTORY), budgetBytes);
    Files.createDirectories(pool.dir);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(pool.dir)) {
      for (Path f : s) {
        long size = Files.size(f);
        long name = nameNumber(f.getFileName().toString());
        if (name < 0 || !pool.fits(size)) {
          Files.deleteIfExists(f);
          continue;
        }
        pool.bytes += size;
        pool.names = Math.max(pool.names, name + 1);
        pool.put(f, size);
      }
    }
    return pool;
  }

  /**
   * Moves the spare closest to {@code wantedBytes} (the smallest as large, else the largest) to
   * {@code target}; false if there is none, and then {@code target} does not exist.
   *
   * @throws NoSuchFileException if {@code target}'s directory is gone (the spare stays)
   */
  boolean takeInto(Path target, long wantedBytes) throws IOException {
    while (true) {
      long size;
      Path spare;
      synchronized (this) {
        Map.Entry<Long, ArrayDeque<Path>> e = bySize.ceilingEntry(wantedBytes);
        if (e == null) {
          e = bySize.lastEntry();
        }
        if (e == null) {
          return false;
        }
        size = e.getKey();
        spare = e.getValue().poll();
        if (e.getValue().isEmpty()) {
          bySize.remove(size);
        }
        bytes -= size;
      }
      try {
        Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (NoSuchFileException e) {
        if (Files.exists(spare)) {
          synchronized (this) {
            bytes += size;
            put(spare, size);
          }
          throw e;
        }
        log.warn("spare file {} vanished; trying another", spare);
      }
    }
  }

  /** Keeps {@code file} (not open anywhere) as a spare if the budget allows, else deletes it. */
  void offer(Path file) {
    try {
      long size = Files.size(file);
      Path spare = reserve(size);
      if (spare == null) {
        Files.deleteIfExists(file);
        return;
      }
      try {
        Files.move(file, spare, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        release(size);
        throw e;
      }
      put(spare, size);
    } catch (NoSuchFileException e) {
      log.debug("no file {} to keep as a spare", file);
    } catch (IOException e) {
      log.warn("could not keep {} as a spare", file, e);
    }
  }

  /** Spare files held now. */
  synchronized int count() {
    int n = 0;
    for (ArrayDeque<Path> q : bySize.values()) {
      n += q.size();
    }
    return n;
  }

  /** Bytes of spare files held now. */
  synchronized long bytes() {
    return bytes;
  }

  /** A new name in the pool for a file of {@code size} bytes, counted already; null if over. */
  private synchronized @Nullable Path reserve(long size) {
    if (!fits(size)) {
      return null;
    }
    bytes += size;
    return dir.resolve(names++ + SUFFIX);
  }

  /** Whether the budget takes {@code size} more bytes; under the monitor or while opening. */
  private boolean fits(long size) {
    return size > 0 && bytes + size <= budgetBytes;
  }

  /** The number a spare's name {@code <n>.spare} carries; -1 for any other name. */
  private static long nameNumber(String name) {
    if (!name.endsWith(SUFFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private synchronized void release(long size) {
    bytes -= size;
  }

  private synchronized void put(Path spare, long size) {
    bySize.computeIfAbsent(size, k -> new ArrayDeque<>()).add(spare);
  }
}
