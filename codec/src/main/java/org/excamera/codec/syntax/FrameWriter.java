package org.excamera.codec.syntax;

import org.excamera.codec.bool.BoolEncoder;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.FrameTag;
import org.excamera.codec.header.KeyFrameStart;
import org.excamera.codec.state.ProbabilityTables;

/**
 * Writes a {@link ParsedFrame} as a compressed frame (RFC 6386 §9.1, §19): tag, key frame start,
 * first partition (header and prediction records), the sizes of all token partitions but the last,
 * then the partitions. The probabilities must be those of the state the frame will be decoded
 * against; with them, writing a parsed frame reproduces its bytes. Every partition ends with
 * libvpx's flush. The tag's first-partition size is recomputed; its other fields are kept.
 */
public final class FrameWriter {
  private FrameWriter() {}

  /** The frame's bytes. */
  public static byte[] write(ParsedFrame frame, ProbabilityTables stateProbabilities) {
    FrameHeader h = frame.header();
    FrameProbabilities probs = new FrameProbabilities(stateProbabilities, h);
    BoolEncoder first = new BoolEncoder(1024 + frame.modes().count() * 4);
    h.write(first);
    ModeWriter.write(first, h, probs, frame.modes());
    int n = h.partitionCount();
    BoolEncoder[] partitions = new BoolEncoder[n];
    for (int i = 0; i < n; i++) {
      partitions[i] = new BoolEncoder(1024 + frame.modes().count() * 16 / n);
    }
    TokenWriter.write(partitions, probs.coeff, frame.modes(), frame.residuals());
    byte[] p0 = first.finish();
    byte[][] parts = new byte[n][];
    int total = FrameTag.SIZE + (h.keyFrame() ? KeyFrameStart.SIZE : 0) + p0.length + 3 * (n - 1);
    for (int i = 0; i < n; i++) {
      parts[i] = partitions[i].finish();
      total += parts[i].length;
    }
    if (p0.length >= 1 << 19) {
      throw new IllegalArgumentException(
          "first partition of %d bytes does not fit the frame tag".formatted(p0.length));
    }
    byte[] out = new byte[total];
    h.tag().withFirstPartSize(p0.length).write(out, 0);
    int pos = FrameTag.SIZE;
    if (h.keyFrame()) {
      h.keyFrameStart().write(out, pos);
      pos += KeyFrameStart.SIZE;
    }
    System.arraycopy(p0, 0, out, pos, p0.length);
    pos += p0.length;
    for (int i = 0; i < n - 1; i++) {
      int size = parts[i].length;
      if (size >= 1 << 24) {
        throw new IllegalArgumentException("token partition %d is too large".formatted(i));
      }
      out[pos++] = (byte) size;
      out[pos++] = (byte) (size >> 8);
      out[pos++] = (byte) (size >> 16);
    }
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, pos, part.length);
      pos += part.length;
    }
    return out;
  }
}
