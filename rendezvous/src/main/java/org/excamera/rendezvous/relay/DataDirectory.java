package org.excamera.rendezvous.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.excamera.rendezvous.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory's layout: one directory per job incarnation, named {@code <first 16 bytes of
 * SHA-256(job id), hex>-<incarnation>}, holding {@code job.id} (the id) and the job's state files.
 * A deleted job's directory is first renamed to {@code <name>.deleted}, then removed. Creating,
 * renaming and removing are fsynced where a crash could otherwise undo them. The files of removed
 * jobs go to the {@link SpareFiles} pool in {@code spare}, within its budget.
 */
final class DataDirectory {
  private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
  private static final Pattern JOB_DIR = Pattern.compile("([0-9a-f]{32})-([0-9]+)");
  private static final String JOB_ID_FILE = "job.id";
  private static final String TOMBSTONE = ".deleted";

  private final Path root;
  private final SpareFiles spares;
  private final AtomicLong incarnations = new AtomicLong();

  private DataDirectory(Path root, SpareFiles spares) {
    this.root = root;
    this.spares = spares;
  }

  static DataDirectory open(Path root, long spareBudgetBytes) throws IOException {
    Files.createDirectories(root);
    Path absolute = root.toAbsolutePath();
    return new DataDirectory(absolute, SpareFiles.open(absolute, spareBudgetBytes));
  }

  Path root() {
    return root;
  }

  SpareFiles spares() {
    return spares;
  }

  /**
   * Cleans up after a crash and returns each job's directory: removes half-deleted jobs, jobs whose
   * creation never finished, and older incarnations of a job (a crash between a delete and the next
   * publish); later directories get higher incarnations than any found.
   */
  Map<String, Path> recoverJobs() throws IOException {
    Map<String, Path> newest = new TreeMap<>();
    Map<String, Long> newestIncarnation = new TreeMap<>();
    long maxIncarnation = 0;
    for (Path child : list(root)) {
      String name = child.getFileName().toString();
      if (name.equals(SpareFiles.DIRECTORY)) {
        continue;
      }
      if (name.endsWith(TOMBSTONE)) {
        deleteTree(child);
        continue;
      }
      Matcher m = JOB_DIR.matcher(name);
      if (!m.matches() || !Files.isDirectory(child)) {
        log.warn("ignoring unexpected entry in the data directory: {}", child);
        continue;
      }
      long incarnation = Long.parseLong(m.group(2));
      maxIncarnation = Math.max(maxIncarnation, incarnation);
      Path idFile = child.resolve(JOB_ID_FILE);
      if (!Files.exists(idFile)) {
        deleteTree(child); // its creation never finished; nothing in it was acknowledged
        continue;
      }
      String id = Files.readString(idFile, StandardCharsets.UTF_8);
      Long previous = newestIncarnation.get(id);
      if (previous != null && previous > incarnation) {
        deleteTree(child);
        continue;
      }
      if (previous != null) {
        deleteTree(newest.get(id));
      }
      newest.put(id, child);
      newestIncarnation.put(id, incarnation);
    }
    incarnations.set(maxIncarnation);
    return newest;
  }

  /**
   * The complete states in a job's directory, by file. Part files (publishes never acknowledged)
   * are deleted; a state file whose trailer does not check out is moved aside as {@code .corrupt}.
   */
  Map<Path, StateFile.Trailer> recoverStates(Path jobDir) throws IOException {
    Map<Path, StateFile.Trailer> states = new TreeMap<>();
    for (Path f : list(jobDir)) {
      String name = f.getFileName().toString();
      if (name.endsWith(StateFile.PART_SUFFIX)) {
        Files.deleteIfExists(f);
      } else if (name.endsWith(StateFile.SUFFIX)) {
        try {
          states.put(f, StateFile.readTrailer(f));
        } catch (IOException e) {
          Path aside = f.resolveSibling(name + ".corrupt");
          log.error("state file {} is unreadable, moved aside to {}", f, aside, e);
          Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return states;
  }

  /** Creates a new incarnation directory for {@code jobId}, durably. */
  Path createJobDirectory(String jobId) throws IOException {
    byte[] hash = Sha256.digest(jobId.getBytes(StandardCharsets.UTF_8)).toBytes();
    String name = HexFormat.of().formatHex(hash, 0, 16) + "-" + incarnations.incrementAndGet();
    Path dir = Files.createDirectory(root.resolve(name));
    Path idFile = dir.resolve(JOB_ID_FILE);
    try (FileChannel ch =
        FileChannel.open(idFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      StateFile.writeFully(ch, ByteBuffer.wrap(jobId.getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(true);
    }
    StateFile.syncDirectory(dir);
    StateFile.syncDirectory(root);
    return dir;
  }

  /**
   * Removes a job's directory: durable once the tombstone rename is fsynced. With {@code recycle}
   * (no channel is open on any of its files) its state and part files become spares first.
   */
  void removeJobDirectory(Path dir, boolean recycle) throws IOException {
    Path tomb = dir.resolveSibling(dir.getFileName() + TOMBSTONE);
    Files.move(dir, tomb, StandardCopyOption.ATOMIC_MOVE);
    StateFile.syncDirectory(root);
    if (recycle) {
      for (Path f : list(tomb)) {
        String name = f.getFileName().toString();
        if (name.endsWith(StateFile.SUFFIX) || name.endsWith(StateFile.PART_SUFFIX)) {
          spares.offer(f);
        }
      }
    }
    deleteTree(tomb);
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(out::add);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static void deleteTree(@Nullable Path top) throws IOException {
    if (top == null || !Files.exists(top)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
