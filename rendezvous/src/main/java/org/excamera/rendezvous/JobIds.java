package org.excamera.rendezvous;

/** The rule for job ids: 1 to 200 printable ASCII characters (Temporal workflow ids fit). */
public final class JobIds {
  /** Longest job id accepted. */
  public static final int MAX_LENGTH = 200;

  private JobIds() {}

  /** Returns {@code job} if valid, else throws {@link IllegalArgumentException}. */
  public static String check(String job) {
    if (!isValid(job)) {
      throw new IllegalArgumentException(
          "job id must be 1 to %d printable ASCII characters: \"%s\""
              .formatted(MAX_LENGTH, job.length() > 64 ? job.substring(0, 64) + "..." : job));
    }
    return job;
  }

  /** Whether {@code job} is a valid job id. */
  public static boolean isValid(String job) {
    if (job.isEmpty() || job.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < job.length(); i++) {
      char c = job.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
