package org.excamera.worker.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.excamera.worker.BlobNotFoundException;
import org.excamera.worker.BlobRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
  @TempDir Path dir;
  private final FileBlobStore store = new FileBlobStore();

  @Test
  void writesCreateDirectoriesOverwriteAndLeaveNoTemporaryFiles() throws Exception {
    BlobRef ref = BlobRef.of(dir).resolve("jobs/j/chunk-000001/raw.y4m");
    store.write(ref, new byte[] {1, 2, 3});
    store.write(ref, new byte[] {4, 5});
    assertArrayEquals(new byte[] {4, 5}, store.read(ref));
    assertEquals(2, store.size(ref));
    assertTrue(store.exists(ref));
    try (Stream<Path> files = Files.list(ref.toPath().getParent())) {
      assertEquals(1, files.count(), "temporary files left behind");
    }
  }

  @Test
  void missingObjectsAreTyped() {
    BlobRef ref = BlobRef.of(dir.resolve("absent"));
    assertFalse(store.exists(ref));
    assertThrows(BlobNotFoundException.class, () -> store.read(ref));
    assertThrows(BlobNotFoundException.class, () -> store.size(ref));
    assertThrows(BlobNotFoundException.class, () -> store.open(ref));
  }

  @Test
  void uploadDownloadAndDeleteAll() throws Exception {
    Path local = Files.write(dir.resolve("local.bin"), new byte[] {9, 8, 7});
    BlobRef root = BlobRef.of(dir).resolve("jobs/j");
    store.upload(local, root.resolve("a/x.bin"));
    store.upload(local, root.resolve("b/y.bin"));
    Path back = dir.resolve("back.bin");
    store.download(root.resolve("a/x.bin"), back);
    assertArrayEquals(new byte[] {9, 8, 7}, Files.readAllBytes(back));
    assertEquals(2, store.deleteAll(root));
    assertFalse(Files.exists(root.toPath()));
    assertEquals(0, store.deleteAll(root));
  }

  @Test
  void routingRefusesSchemesWithoutAStore() {
    RoutingBlobStore files = RoutingBlobStore.filesOnly();
    assertThrows(
        org.excamera.worker.InvalidRequestException.class,
        () -> files.read(BlobRef.parse("s3://bucket/key")));
  }
}
