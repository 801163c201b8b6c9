package org.excamera.codec.picture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of a picture's display area as I420: Y row by row (width bytes each, no padding), then U,
 * then V ((w+1)/2 x (h+1)/2 each). This is the per-frame digest of the conformance vectors' {@code
 * .md5} files and of {@code vpxdec --i420 --md5}.
 */
public final class I420Digest {
  private I420Digest() {}

  /** Lower-case hex MD5 of the picture's display area. */
  public static String md5(Picture picture) {
    MessageDigest md = newMd5();
    Dimensions d = picture.dimensions();
    update(md, picture.y(), d.width(), d.height());
    update(md, picture.u(), d.chromaWidth(), d.chromaHeight());
    update(md, picture.v(), d.chromaWidth(), d.chromaHeight());
    return HexFormat.of().formatHex(md.digest());
  }

  /** Adds the display area of a picture to a running digest (for whole-stream digests). */
  public static void update(MessageDigest md, Picture picture) {
    Dimensions d = picture.dimensions();
    update(md, picture.y(), d.width(), d.height());
    update(md, picture.u(), d.chromaWidth(), d.chromaHeight());
    update(md, picture.v(), d.chromaWidth(), d.chromaHeight());
  }

  private static void update(MessageDigest md, Plane plane, int w, int h) {
    byte[] data = plane.samplesUnsafe();
    int row = plane.origin();
    for (int y = 0; y < h; y++, row += plane.stride()) {
      md.update(data, row, w);
    }
  }

  /**
   * The line {@code vpxdec --i420 --md5 -o STEM-%wx%h-%4.i420} prints for a frame: {@code "<md5>
   * <stem>-<W>x<H>-<NNNN>.i420"}, NNNN the 1-based record number, at least four digits.
   */
  public static String conformanceLine(String stem, Picture picture, long recordNumber) {
    return "%s  %s-%dx%d-%04d.i420"
        .formatted(md5(picture), stem, picture.width(), picture.height(), recordNumber);
  }

  /** A new MD5 digest. */
  public static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has MD5", e);
    }
  }
}
