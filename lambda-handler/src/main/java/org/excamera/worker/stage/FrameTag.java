package org.excamera.worker.stage;

/**
 * The three-byte VP8 frame tag (RFC 6386 §9.1): bit 0 is {@code key_frame} (0 = key frame), bits
 * 1–3 the version, bit 4 {@code show_frame}, bits 5–23 the first partition size. Enough to count
 * and check frames without decoding them.
 */
public final class FrameTag {
  private FrameTag() {}

  public static boolean isKeyFrame(byte[] frame) {
    return frame.length > 0 && (frame[0] & 0x01) == 0;
  }

  public static boolean isShown(byte[] frame) {
    return frame.length > 0 && (frame[0] & 0x10) != 0;
  }
}
