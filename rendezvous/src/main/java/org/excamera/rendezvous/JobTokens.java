package org.excamera.rendezvous;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-job access tokens: {@code base64url(HMAC-SHA256(secret, "excamera-rendezvous-v1:" + job))}.
 * The workflow issues a token for its job and hands it to the job's workers; the server recomputes
 * it and compares in constant time, so a token opens exactly one job and needs no server state.
 */
public final class JobTokens {
  /** Shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String CONTEXT = "excamera-rendezvous-v1:";
  private final SecretKeySpec key;

  private JobTokens(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "rendezvous secret must be at least %d bytes, got %d"
              .formatted(MIN_SECRET_BYTES, secret.length));
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** Tokens under the given secret bytes. */
  public static JobTokens withSecret(byte[] secret) {
    return new JobTokens(secret);
  }

  /**
   * Tokens under the secret in {@code file}: its bytes, with one trailing newline removed so that
   * {@code echo}-written files work.
   */
  public static JobTokens fromSecretFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\n') {
      n--;
    }
    byte[] secret = Arrays.copyOf(bytes, n);
    Arrays.fill(bytes, (byte) 0);
    return new JobTokens(secret);
  }

  /** The token for {@code job}. */
  public String issue(String job) {
    JobIds.check(job);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(job));
  }

  /** Whether {@code token} opens {@code job}; constant time in the token's content. */
  public boolean verify(String job, String token) {
    if (!JobIds.isValid(job)) {
      return false;
    }
    byte[] presented;
    try {
      presented = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(job), presented);
  }

  private byte[] mac(String job) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal((CONTEXT + job).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new AssertionError("HmacSHA256 is part of every JDK", e);
    }
  }
}
