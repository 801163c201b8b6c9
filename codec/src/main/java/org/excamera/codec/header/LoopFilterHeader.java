package org.excamera.codec.header;

import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * Loop filter type and levels (RFC 6386 §9.4): {@code filter_type} (0 normal, 1 simple; it, not the
 * version number, selects the filter, as in libvpx), {@code loop_filter_level} 0..63 (0 turns the
 * filter off for the whole frame), {@code sharpness_level} 0..7 and the deltas.
 */
public record LoopFilterHeader(
    int filterType, int loopFilterLevel, int sharpnessLevel, ModeRefLfDeltaUpdate deltas) {

  public LoopFilterHeader {
    if (filterType < 0
        || filterType > 1
        || loopFilterLevel < 0
        || loopFilterLevel > 63
        || sharpnessLevel < 0
        || sharpnessLevel > 7) {
      throw new IllegalArgumentException(
          "loop filter header out of range: type %d level %d sharpness %d"
              .formatted(filterType, loopFilterLevel, sharpnessLevel));
    }
  }

  /** Whether the simple filter is selected. */
  public boolean simple() {
    return filterType == 1;
  }

  /** Reads the section. */
  public static LoopFilterHeader read(BoolDecoder in) {
    int type = in.readLiteral(1);
    int level = in.readLiteral(6);
    int sharpness = in.readLiteral(3);
    return new LoopFilterHeader(type, level, sharpness, ModeRefLfDeltaUpdate.read(in));
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    out.writeLiteral(filterType, 1);
    out.writeLiteral(loopFilterLevel, 6);
    out.writeLiteral(sharpnessLevel, 3);
    deltas.write(out);
  }

  /** The same header with another level. */
  public LoopFilterHeader withLoopFilterLevel(int level) {
    return new LoopFilterHeader(filterType, level, sharpnessLevel, deltas);
  }
}
