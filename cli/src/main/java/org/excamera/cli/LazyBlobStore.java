package org.excamera.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.excamera.worker.BlobRef;
import org.excamera.worker.port.BlobStore;
import org.jspecify.annotations.Nullable;

/** A blob store built on first use (the S3 client needs a region only when S3 is used). */
final class LazyBlobStore implements BlobStore {
  private final Supplier<BlobStore> factory;
  private @Nullable BlobStore store;

  LazyBlobStore(Supplier<BlobStore> factory) {
    this.factory = factory;
  }

  private synchronized BlobStore store() {
    BlobStore s = store;
    if (s == null) {
      s = factory.get();
      store = s;
    }
    return s;
  }

  @Override
  public InputStream open(BlobRef ref) throws IOException {
    return store().open(ref);
  }

  @Override
  public byte[] read(BlobRef ref) throws IOException {
    return store().read(ref);
  }

  @Override
  public void write(BlobRef ref, byte[] bytes) throws IOException {
    store().write(ref, bytes);
  }

  @Override
  public void upload(Path file, BlobRef ref) throws IOException {
    store().upload(file, ref);
  }

  @Override
  public void download(BlobRef ref, Path file) throws IOException {
    store().download(ref, file);
  }

  @Override
  public boolean exists(BlobRef ref) throws IOException {
    return store().exists(ref);
  }

  @Override
  public long size(BlobRef ref) throws IOException {
    return store().size(ref);
  }

  @Override
  public int deleteAll(BlobRef prefix) throws IOException {
    return store().deleteAll(prefix);
  }
}
