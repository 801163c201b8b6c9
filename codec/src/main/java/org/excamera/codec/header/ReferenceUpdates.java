package org.excamera.codec.header;

/**
 * Which references this frame updates and how (RFC 6386 §9.7–9.8): golden and altref refresh flags,
 * buffer copies (0 none, 1 last, 2 the other of golden/altref) when not refreshed, the sign biases
 * of golden and altref motion vectors, and {@code refresh_last}. Key frames refresh all three with
 * no copies and zero sign biases ({@link #KEY_FRAME}).
 */
public record ReferenceUpdates(
    boolean refreshGoldenFrame,
    boolean refreshAlternateFrame,
    int copyBufferToGolden,
    int copyBufferToAlternate,
    boolean signBiasGolden,
    boolean signBiasAlternate,
    boolean refreshLast) {

  /** What a key frame implies. */
  public static final ReferenceUpdates KEY_FRAME =
      new ReferenceUpdates(true, true, 0, 0, false, false, true);

  /** An interframe that refreshes last, golden and altref with no copies. */
  public static final ReferenceUpdates REFRESH_ALL =
      new ReferenceUpdates(true, true, 0, 0, false, false, true);

  /** An interframe that refreshes only last. */
  public static final ReferenceUpdates REFRESH_LAST =
      new ReferenceUpdates(false, false, 0, 0, false, false, true);

  public ReferenceUpdates {
    if (copyBufferToGolden < 0
        || copyBufferToGolden > 3
        || copyBufferToAlternate < 0
        || copyBufferToAlternate > 3
        || (refreshGoldenFrame && copyBufferToGolden != 0)
        || (refreshAlternateFrame && copyBufferToAlternate != 0)) {
      throw new IllegalArgumentException(
          "invalid reference updates: copy to golden %d, copy to altref %d"
              .formatted(copyBufferToGolden, copyBufferToAlternate));
    }
  }
}
