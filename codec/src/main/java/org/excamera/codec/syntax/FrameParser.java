package org.excamera.codec.syntax;

import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.StateMismatchException;
import org.excamera.codec.UnsupportedFeatureException;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.FrameTag;
import org.excamera.codec.header.KeyFrameStart;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.state.Segmentation;

/**
 * Parses a compressed frame into a {@link ParsedFrame} (RFC 6386 §9, §19): tag, key frame start,
 * the header and the prediction records from the first partition, then the tokens from the token
 * partitions. Sizes are checked before anything is allocated: partition sizes against the bytes
 * present, and the picture against {@link #MAX_PIXELS}. As in libvpx, the first partition's decoder
 * may run on into the bytes after it, and every decoder reads zeros past its end; a partition that
 * needed far more bits than it has is reported as corrupt.
 */
public final class FrameParser {
  /** Largest picture (in pixels, macroblock-aligned) this decoder accepts: 8192 x 4608. */
  public static final long MAX_PIXELS = 8192L * 4608L;

  private FrameParser() {}

  /**
   * Parses {@code data[offset .. offset+length)}.
   *
   * @param probabilities the state's persistent probabilities
   * @param segmentation the state's segmentation (its map persists into interframes)
   * @param dimensions the state's size (interframes have no size of their own)
   * @throws CorruptFrameException for malformed data
   * @throws StateMismatchException for an interframe when the state has no size
   * @throws UnsupportedFeatureException for pictures larger than {@link #MAX_PIXELS}
   */
  public static ParsedFrame parse(
      byte[] data,
      int offset,
      int length,
      ProbabilityTables probabilities,
      Segmentation segmentation,
      Dimensions dimensions) {
    return parseModes(data, offset, length, probabilities, segmentation, dimensions).readAll();
  }

  /**
   * Parses {@code data[offset .. offset+length)} up to the macroblock modes and opens the token
   * partitions; the tokens are then read row by row through the result (parameters and exceptions
   * as {@link #parse}, except that token partitions that run out are reported as the rows are
   * read).
   */
  public static FrameTokens parseModes(
      byte[] data,
      int offset,
      int length,
      ProbabilityTables probabilities,
      Segmentation segmentation,
      Dimensions dimensions) {
    FrameTag tag = FrameTag.read(data, offset, length);
    int pos = offset + FrameTag.SIZE;
    KeyFrameStart start = KeyFrameStart.NONE;
    Dimensions dims = dimensions;
    if (tag.keyFrame()) {
      start = KeyFrameStart.read(data, pos, offset + length - pos);
      pos += KeyFrameStart.SIZE;
      dims = start.dimensions();
      long pixels = (long) dims.mbCols() * dims.mbRows() * 256;
      if (pixels > MAX_PIXELS) {
        throw new UnsupportedFeatureException(
            "key frame of %s exceeds the decoder's limit of %d pixels".formatted(dims, MAX_PIXELS));
      }
    } else if (!dims.isKnown()) {
      throw new StateMismatchException(
          "an interframe needs a state initialised by a key frame (the state has no size)");
    }
    int end = offset + length;
    if (tag.firstPartSize() > end - pos) {
      throw new CorruptFrameException(
          "first partition declares %d bytes, %d remain".formatted(tag.firstPartSize(), end - pos));
    }
    BoolDecoder first = new BoolDecoder(data, pos, end - pos);
    FrameHeader header = FrameHeader.read(tag, start, first);
    BoolDecoder[] partitions = openPartitions(data, pos + tag.firstPartSize(), end, header);
    if (!tag.keyFrame() && segmentation.hasMap()) {
      checkMapSize(segmentation, dims);
    }
    FrameProbabilities probs = new FrameProbabilities(probabilities, header);
    MacroblockModes modes =
        ModeReader.read(first, header, probs, segmentation, dims.mbCols(), dims.mbRows());
    if (first.overran()) {
      throw new CorruptFrameException(
          "first partition (%d bytes) ran out while reading macroblock modes"
              .formatted(tag.firstPartSize()));
    }
    return new FrameTokens(header, modes, partitions, probs.coeff);
  }

  private static void checkMapSize(Segmentation segmentation, Dimensions dims) {
    if (segmentation.map().length != dims.mbCols() * dims.mbRows()) {
      throw new StateMismatchException(
          "the state's segment map has %d entries, the frame %d macroblocks"
              .formatted(segmentation.map().length, dims.mbCols() * dims.mbRows()));
    }
  }

  private static BoolDecoder[] openPartitions(byte[] data, int pos, int end, FrameHeader header) {
    int count = header.partitionCount();
    int sizesBytes = 3 * (count - 1);
    if (sizesBytes > end - pos) {
      throw new CorruptFrameException(
          "%d token partition sizes need %d bytes, %d remain"
              .formatted(count - 1, sizesBytes, end - pos));
    }
    BoolDecoder[] decoders = new BoolDecoder[count];
    int p = pos + sizesBytes;
    for (int i = 0; i < count; i++) {
      int size;
      if (i < count - 1) {
        int s = pos + 3 * i;
        size = (data[s] & 0xFF) | (data[s + 1] & 0xFF) << 8 | (data[s + 2] & 0xFF) << 16;
        if (size > end - p) {
          throw new CorruptFrameException(
              "token partition %d declares %d bytes, %d remain".formatted(i, size, end - p));
        }
      } else {
        size = end - p;
      }
      decoders[i] = new BoolDecoder(data, p, size);
      p += size;
    }
    return decoders;
  }
}
