package org.excamera.codec.state;

import java.util.Arrays;
import org.excamera.codec.header.UpdateSegmentation;

/**
 * Segmentation state that persists between frames (RFC 6386 §9.3, §10): whether the feature values
 * are absolute or deltas, the four per-segment quantizer and loop-filter values, and the macroblock
 * segment map, which persists until a frame updates it (key frames without a map update reset it to
 * segment 0). Whether segmentation is enabled is signalled in every frame and so is not state. A
 * map of all zeros is stored as "no map".
 */
public final class Segmentation {
  /** Delta mode, all values 0, every macroblock in segment 0: the state after a key frame. */
  public static final Segmentation NONE =
      new Segmentation(false, new byte[4], new byte[4], new byte[0]);

  private final boolean absoluteValues;
  private final byte[] quantizer;
  private final byte[] filterLevel;
  private final byte[] map;

  private Segmentation(boolean absoluteValues, byte[] quantizer, byte[] filterLevel, byte[] map) {
    this.absoluteValues = absoluteValues;
    this.quantizer = quantizer;
    this.filterLevel = filterLevel;
    this.map = map;
  }

  /** A segmentation state from its parts (copied); {@code map} may be empty (all segment 0). */
  public static Segmentation of(
      boolean absoluteValues, int[] quantizer, int[] filterLevel, byte[] map) {
    if (quantizer.length != 4 || filterLevel.length != 4) {
      throw new IllegalArgumentException("segmentation needs 4 quantizer and 4 filter values");
    }
    byte[] q = new byte[4];
    byte[] lf = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (Math.abs(quantizer[i]) > 127 || Math.abs(filterLevel[i]) > 63) {
        throw new IllegalArgumentException(
            "segment value out of range: q %d lf %d".formatted(quantizer[i], filterLevel[i]));
      }
      q[i] = (byte) quantizer[i];
      lf[i] = (byte) filterLevel[i];
    }
    return new Segmentation(absoluteValues, q, lf, normalize(map));
  }

  private static byte[] normalize(byte[] map) {
    for (byte b : map) {
      if (b < 0 || b > 3) {
        throw new IllegalArgumentException("segment id out of range: " + b);
      }
      if (b != 0) {
        return map.clone();
      }
    }
    return new byte[0];
  }

  /** Whether the per-segment values replace (true) or adjust (false) the frame's values. */
  public boolean absoluteValues() {
    return absoluteValues;
  }

  /** Quantizer value of segment {@code s}. */
  public int quantizer(int s) {
    return quantizer[s];
  }

  /** Loop-filter value of segment {@code s}. */
  public int filterLevel(int s) {
    return filterLevel[s];
  }

  /** Whether any macroblock is outside segment 0. */
  public boolean hasMap() {
    return map.length > 0;
  }

  /** Segment of macroblock {@code mb} (raster index). */
  public int segmentId(int mb) {
    return map.length == 0 ? 0 : map[mb];
  }

  /** The map as one byte per macroblock, or an empty array when all are in segment 0 (a copy). */
  public byte[] map() {
    return map.clone();
  }

  /**
   * The feature values after a frame's segmentation header: a key frame first resets to {@link
   * #NONE}'s values; {@code update_segment_feature_data} replaces all eight values (absent ones
   * become 0) and the mode. The map is replaced separately ({@link #withMap}).
   */
  public Segmentation updatedBy(UpdateSegmentation u, boolean keyFrame) {
    Segmentation base = keyFrame ? new Segmentation(false, new byte[4], new byte[4], map) : this;
    if (!u.segmentationEnabled() || !u.updateSegmentFeatureData()) {
      return base;
    }
    byte[] q = new byte[4];
    byte[] lf = new byte[4];
    for (int i = 0; i < 4; i++) {
      q[i] = (byte) u.quantizerUpdate().get(i).value();
      lf[i] = (byte) u.loopFilterUpdate().get(i).value();
    }
    return new Segmentation(u.segmentFeatureModeAbsolute(), q, lf, map);
  }

  /** The same values with another map (one segment id per macroblock, copied). */
  public Segmentation withMap(byte[] segmentIds) {
    return new Segmentation(absoluteValues, quantizer, filterLevel, normalize(segmentIds));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Segmentation s
        && s.absoluteValues == absoluteValues
        && Arrays.equals(s.quantizer, quantizer)
        && Arrays.equals(s.filterLevel, filterLevel)
        && Arrays.equals(s.map, map);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(
        new int[] {
          Boolean.hashCode(absoluteValues),
          Arrays.hashCode(quantizer),
          Arrays.hashCode(filterLevel),
          Arrays.hashCode(map)
        });
  }

  @Override
  public String toString() {
    return "Segmentation[%s q=%s lf=%s map=%s]"
        .formatted(
            absoluteValues ? "absolute" : "delta",
            Arrays.toString(quantizer),
            Arrays.toString(filterLevel),
            map.length == 0 ? "none" : map.length + " entries");
  }
}
