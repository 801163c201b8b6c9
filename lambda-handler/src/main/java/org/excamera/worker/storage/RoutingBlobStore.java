package org.excamera.worker.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.excamera.worker.BlobRef;
import org.excamera.worker.InvalidRequestException;
import org.excamera.worker.port.BlobStore;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches by URI scheme: {@code file:} to a {@link FileBlobStore}, {@code s3:} to an {@link
 * S3BlobStore}. A scheme this deployment has no store for is an {@link InvalidRequestException}
 * (the Lambda worker, for one, has no file store: it must not read its host's files).
 */
public final class RoutingBlobStore implements BlobStore {
  private final @Nullable BlobStore files;
  private final @Nullable BlobStore s3;

  public RoutingBlobStore(@Nullable BlobStore files, @Nullable BlobStore s3) {
    this.files = files;
    this.s3 = s3;
  }

  /** Local files only (an embedded run without S3). */
  public static RoutingBlobStore filesOnly() {
    return new RoutingBlobStore(new FileBlobStore(), null);
  }

  private BlobStore route(BlobRef ref) {
    BlobStore store = "s3".equals(ref.scheme()) ? s3 : files;
    if (store == null) {
      throw new InvalidRequestException(
          "this worker has no store for " + ref.scheme() + ": references (" + ref + ")");
    }
    return store;
  }

  @Override
  public InputStream open(BlobRef ref) throws IOException {
    return route(ref).open(ref);
  }

  @Override
  public byte[] read(BlobRef ref) throws IOException {
    return route(ref).read(ref);
  }

  @Override
  public void write(BlobRef ref, byte[] bytes) throws IOException {
    route(ref).write(ref, bytes);
  }

  @Override
  public void upload(Path file, BlobRef ref) throws IOException {
    route(ref).upload(file, ref);
  }

  @Override
  public void download(BlobRef ref, Path file) throws IOException {
    route(ref).download(ref, file);
  }

  @Override
  public boolean exists(BlobRef ref) throws IOException {
    return route(ref).exists(ref);
  }

  @Override
  public long size(BlobRef ref) throws IOException {
    return route(ref).size(ref);
  }

  @Override
  public int deleteAll(BlobRef prefix) throws IOException {
    return route(prefix).deleteAll(prefix);
  }
}
