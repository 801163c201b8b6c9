package org.excamera.worker.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import org.excamera.worker.BlobNotFoundException;
import org.excamera.worker.BlobRef;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link S3BlobStore} against a real S3-compatible server (s3proxy) on loopback. */
class S3BlobStoreIT {
  private static S3Proxy proxy;
  private static S3Client s3;
  private static S3BlobStore store;

  @BeforeAll
  static void start() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient", new Properties()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
            .endpoint(URI.create("http://127.0.0.1:0"))
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
      Thread.sleep(25);
    }
    s3 =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
            .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
            .forcePathStyle(true)
            .build();
    s3.createBucket(b -> b.bucket("bucket"));
    store = new S3BlobStore(s3, 5L << 20);
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
  }

  @Test
  void smallObjectsRoundTripAndMissingOnesAreTyped() throws Exception {
    BlobRef ref = BlobRef.parse("s3://bucket/jobs/j/chunk-000000/vpx.ivf");
    store.write(ref, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, store.read(ref));
    assertEquals(3, store.size(ref));
    assertTrue(store.exists(ref));
    BlobRef missing = BlobRef.parse("s3://bucket/jobs/j/none");
    assertFalse(store.exists(missing));
    assertThrows(BlobNotFoundException.class, () -> store.read(missing));
  }

  @Test
  void largeObjectsGoUpInPartsAndComeBackWhole(@TempDir Path dir) throws Exception {
    byte[] data = new byte[(5 << 20) + 65_537]; // two parts: 5 MiB and the rest
    new Random(42).nextBytes(data);
    Path file = Files.write(dir.resolve("big.bin"), data);
    BlobRef ref = BlobRef.parse("s3://bucket/big/source.y4m");
    assertTrue(data.length > store.multipartThreshold());
    store.upload(file, ref);
    assertEquals(data.length, store.size(ref));
    Path back = dir.resolve("back.bin");
    store.download(ref, back);
    assertArrayEquals(data, Files.readAllBytes(back));
  }

  @Test
  void deleteAllRemovesEveryObjectUnderAPrefix() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.write(BlobRef.parse("s3://bucket/del/j/chunk-" + i), new byte[] {(byte) i});
    }
    store.write(BlobRef.parse("s3://bucket/keep/x"), new byte[] {1});
    assertEquals(5, store.deleteAll(BlobRef.parse("s3://bucket/del/j/")));
    assertFalse(store.exists(BlobRef.parse("s3://bucket/del/j/chunk-0")));
    assertTrue(store.exists(BlobRef.parse("s3://bucket/keep/x")));
  }
}
