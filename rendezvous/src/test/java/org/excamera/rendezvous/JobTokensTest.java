package org.excamera.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTokensTest {
  private static final JobTokens TOKENS =
      JobTokens.withSecret("0123456789abcdef-secret".getBytes(StandardCharsets.US_ASCII));

  @Test
  void aTokenOpensItsJobOnly() {
    String a = TOKENS.issue("job-a");
    assertTrue(TOKENS.verify("job-a", a));
    assertFalse(TOKENS.verify("job-b", a));
    assertNotEquals(a, TOKENS.issue("job-b"));
    assertEquals(a, TOKENS.issue("job-a"), "tokens are deterministic");
  }

  @Test
  void garbageAndOtherSecretsAreRejected() {
    assertFalse(TOKENS.verify("job-a", ""));
    assertFalse(TOKENS.verify("job-a", "%%%not base64"));
    assertFalse(TOKENS.verify("job-a", TOKENS.issue("job-a") + "A"));
    JobTokens other =
        JobTokens.withSecret("another-secret-of-enough-bytes".getBytes(StandardCharsets.US_ASCII));
    assertFalse(TOKENS.verify("job-a", other.issue("job-a")));
  }

  @Test
  void secretFileDropsOneTrailingNewline(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("secret");
    Files.writeString(f, "0123456789abcdef-secret\n", StandardCharsets.US_ASCII);
    assertEquals(TOKENS.issue("j"), JobTokens.fromSecretFile(f).issue("j"));
  }

  @Test
  void shortSecretsAndBadJobIdsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> JobTokens.withSecret(new byte[15]));
    assertThrows(IllegalArgumentException.class, () -> TOKENS.issue(""));
    assertThrows(IllegalArgumentException.class, () -> TOKENS.issue("has space"));
    assertFalse(TOKENS.verify("has space", TOKENS.issue("has-space")));
  }
}
