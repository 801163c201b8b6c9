package org.excamera.worker.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.excamera.worker.BlobNotFoundException;
import org.excamera.worker.BlobRef;
import org.excamera.worker.port.BlobStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Blobs in Amazon S3 (or an S3-compatible server), for {@code s3://bucket/key} references, through
 * the AWS SDK v2 synchronous client. Objects larger than {@link #multipartThreshold()} are uploaded
 * in parts of {@code partBytes} (S3 allows at most 10,000 parts of at least 5 MiB, except the
 * last), so a 4K source of many GB and a slim Lambda heap both work. S3 service errors other than
 * "not found" surface as {@link IOException} (retryable).
 */
public final class S3BlobStore implements BlobStore {
  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

  /** Default part size: 16 MiB (a 160 GB object still fits in 10,000 parts). */
  public static final long DEFAULT_PART_BYTES = 16L << 20;

  private static final long MIN_PART_BYTES = 5L << 20;
  private static final int TRANSPORT_ATTEMPTS = 3;

  private final S3Client s3;
  private final long partBytes;

  public S3BlobStore(S3Client s3) {
    this(s3, DEFAULT_PART_BYTES);
  }

  public S3BlobStore(S3Client s3, long partBytes) {
    if (partBytes < MIN_PART_BYTES) {
      throw new IllegalArgumentException("S3 parts must be at least 5 MiB, got " + partBytes);
    }
    this.s3 = s3;
    this.partBytes = partBytes;
  }

  /**
   * An S3 client with the slim URL-connection HTTP client, for {@code region} (null: the SDK's
   * default region chain) and an optional S3-compatible endpoint (then path-style addressing).
   */
  public static S3Client client(@Nullable String region, @Nullable URI endpoint) {
    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  /** Objects above this size go up in parts. */
  public long multipartThreshold() {
    return partBytes;
  }

  private record Location(String bucket, String key) {
    static Location of(BlobRef ref) {
      if (!"s3".equals(ref.scheme())) {
        throw new IllegalArgumentException("not an s3 reference: " + ref);
      }
      URI uri = ref.toUri();
      String path = uri.getPath();
      return new Location(uri.getHost(), path.startsWith("/") ? path.substring(1) : path);
    }
  }

  @Override
  public InputStream open(BlobRef ref) throws IOException {
    Location at = Location.of(ref);
    try {
      ResponseInputStream<GetObjectResponse> in =
          s3.getObject(GetObjectRequest.builder().bucket(at.bucket()).key(at.key()).build());
      return in;
    } catch (NoSuchKeyException e) {
      throw new BlobNotFoundException(ref);
    } catch (S3Exception e) {
      throw wrap("get", ref, e);
    }
  }

  @Override
  public void write(BlobRef ref, byte[] bytes) throws IOException {
    Location at = Location.of(ref);
    transport(
        "put",
        ref,
        () ->
            s3.putObject(
                PutObjectRequest.builder().bucket(at.bucket()).key(at.key()).build(),
                RequestBody.fromBytes(bytes)));
  }

  /** A call that may fail in transport (a dropped connection) as well as in S3. */
  private interface Call {
    void run();
  }

  /**
   * Runs an idempotent call, trying again (up to {@link #TRANSPORT_ATTEMPTS} times, 100 ms, 200 ms
   * apart) when the connection failed rather than S3 answering: the URL-connection client surfaces
   * a connection the server closed as an unchecked I/O error, which its own retries miss.
   */
  private static void transport(String what, BlobRef ref, Call call) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        call.run();
        return;
      } catch (S3Exception e) {
        throw wrap(what, ref, e);
      } catch (UncheckedIOException | SdkClientException e) {
        if (attempt >= TRANSPORT_ATTEMPTS) {
          throw new IOException("S3 %s of %s failed: %s".formatted(what, ref, e), e);
        }
        log.debug("S3 {} of {} failed in transport, trying again: {}", what, ref, e.toString());
        try {
          Thread.sleep(100L << (attempt - 1));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted during S3 " + what + " of " + ref, ie);
        }
      }
    }
  }

  @Override
  public void upload(Path file, BlobRef ref) throws IOException {
    long size = Files.size(file);
    if (size <= partBytes) {
      Location at = Location.of(ref);
      transport(
          "put",
          ref,
          () ->
              s3.putObject(
                  PutObjectRequest.builder().bucket(at.bucket()).key(at.key()).build(),
                  RequestBody.fromFile(file)));
      return;
    }
    uploadInParts(file, size, ref);
  }

  private void uploadInParts(Path file, long size, BlobRef ref) throws IOException {
    Location at = Location.of(ref);
    String uploadId;
    try {
      uploadId =
          s3.createMultipartUpload(
                  CreateMultipartUploadRequest.builder().bucket(at.bucket()).key(at.key()).build())
              .uploadId();
    } catch (S3Exception e) {
      throw wrap("create multipart upload", ref, e);
    }
    List<CompletedPart> parts = new ArrayList<>();
    boolean completed = false;
    try (InputStream in = Files.newInputStream(file)) {
      int number = 1;
      for (long offset = 0; offset < size; offset += partBytes, number++) {
        int length = (int) Math.min(partBytes, size - offset);
        byte[] part = in.readNBytes(length);
        if (part.length != length) {
          throw new IOException("file shrank while uploading: " + file);
        }
        String etag =
            s3.uploadPart(
                    UploadPartRequest.builder()
                        .bucket(at.bucket())
                        .key(at.key())
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) length)
                        .build(),
                    RequestBody.fromBytes(part))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          CompleteMultipartUploadRequest.builder()
              .bucket(at.bucket())
              .key(at.key())
              .uploadId(uploadId)
              .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
              .build());
      completed = true;
      log.debug("uploaded {} ({} bytes) in {} parts", ref, size, parts.size());
    } catch (S3Exception e) {
      throw wrap("upload part", ref, e);
    } catch (UncheckedIOException | SdkClientException e) {
      throw new IOException("S3 multipart upload of %s failed: %s".formatted(ref, e), e);
    } finally {
      if (!completed) {
        abortQuietly(at, uploadId);
      }
    }
  }

  private void abortQuietly(Location at, String uploadId) {
    try {
      s3.abortMultipartUpload(
          AbortMultipartUploadRequest.builder()
              .bucket(at.bucket())
              .key(at.key())
              .uploadId(uploadId)
              .build());
    } catch (S3Exception e) {
      log.warn(
          "could not abort multipart upload {} of s3://{}/{}", uploadId, at.bucket(), at.key(), e);
    }
  }

  @Override
  public void download(BlobRef ref, Path file) throws IOException {
    try (InputStream in = open(ref)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public boolean exists(BlobRef ref) throws IOException {
    try {
      size(ref);
      return true;
    } catch (BlobNotFoundException e) {
      return false;
    }
  }

  @Override
  public long size(BlobRef ref) throws IOException {
    Location at = Location.of(ref);
    try {
      return s3.headObject(HeadObjectRequest.builder().bucket(at.bucket()).key(at.key()).build())
          .contentLength();
    } catch (NoSuchKeyException e) {
      throw new BlobNotFoundException(ref);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new BlobNotFoundException(ref);
      }
      throw wrap("head", ref, e);
    }
  }

  @Override
  public int deleteAll(BlobRef prefix) throws IOException {
    Location at = Location.of(prefix);
    int deleted = 0;
    try {
      String token = null;
      do {
        ListObjectsV2Response page =
            s3.listObjectsV2(
                ListObjectsV2Request.builder()
                    .bucket(at.bucket())
                    .prefix(at.key())
                    .continuationToken(token)
                    .build());
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (S3Object o : page.contents()) {
          ids.add(ObjectIdentifier.builder().key(o.key()).build());
        }
        if (!ids.isEmpty()) {
          s3.deleteObjects(
              DeleteObjectsRequest.builder()
                  .bucket(at.bucket())
                  .delete(Delete.builder().objects(ids).quiet(true).build())
                  .build());
          deleted += ids.size();
        }
        token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      } while (token != null);
    } catch (S3Exception e) {
      throw wrap("delete", prefix, e);
    }
    return deleted;
  }

  private static IOException wrap(String what, BlobRef ref, S3Exception e) {
    return new IOException(
        "S3 %s of %s failed (HTTP %d): %s".formatted(what, ref, e.statusCode(), e.getMessage()), e);
  }
}
