package org.excamera.worker.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.excamera.worker.BlobNotFoundException;
import org.excamera.worker.BlobRef;
import org.excamera.worker.port.BlobStore;

/**
 * Blobs as local files, for {@code file:} references. Writes go to a temporary file beside the
 * target and are renamed into place, so readers never see half an object.
 */
public final class FileBlobStore implements BlobStore {
  @Override
  public InputStream open(BlobRef ref) throws IOException {
    try {
      return Files.newInputStream(path(ref));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(ref);
    }
  }

  @Override
  public byte[] read(BlobRef ref) throws IOException {
    try {
      return Files.readAllBytes(path(ref));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(ref);
    }
  }

  @Override
  public void write(BlobRef ref, byte[] bytes) throws IOException {
    Path target = path(ref);
    Path tmp = temporaryBeside(target);
    try {
      Files.write(tmp, bytes);
      moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void upload(Path file, BlobRef ref) throws IOException {
    Path target = path(ref);
    if (target.equals(file.toAbsolutePath().normalize())) {
      return;
    }
    Path tmp = temporaryBeside(target);
    try {
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void download(BlobRef ref, Path file) throws IOException {
    try {
      Files.copy(path(ref), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(ref);
    }
  }

  @Override
  public boolean exists(BlobRef ref) {
    return Files.isRegularFile(path(ref));
  }

  @Override
  public long size(BlobRef ref) throws IOException {
    try {
      return Files.size(path(ref));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(ref);
    }
  }

  @Override
  public int deleteAll(BlobRef prefix) throws IOException {
    Path root = path(prefix);
    if (Files.isRegularFile(root)) {
      Files.delete(root);
      return 1;
    }
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    int files = 0;
    for (Path p : all) {
      if (Files.isRegularFile(p)) {
        files++;
      }
      Files.deleteIfExists(p);
    }
    return files;
  }

  private static Path path(BlobRef ref) {
    return ref.toPath();
  }

  private static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException("no parent directory for " + target);
    }
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
