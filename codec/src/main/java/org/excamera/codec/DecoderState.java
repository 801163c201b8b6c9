package org.excamera.codec;

import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.state.References;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.state.StateSerializer;

/**
 * Everything a VP8 decoder carries from one frame to the next (design §3): the frame size, the
 * persistent probabilities, segmentation (values and map), loop filter adjustments, and the last,
 * golden and altref pictures. Immutable: decoding returns a new state and never changes this one.
 * Two states are equal iff a decoder behaves identically from them; {@link #digest()} compares them
 * cheaply across machines.
 */
public record DecoderState(
    Dimensions dimensions,
    ProbabilityTables probabilities,
    Segmentation segmentation,
    FilterAdjustments filterAdjustments,
    References references) {

  /** The state before any frame: no size, no references, default probabilities. */
  public static DecoderState initial() {
    return new DecoderState(
        Dimensions.NONE,
        ProbabilityTables.DEFAULTS,
        Segmentation.NONE,
        FilterAdjustments.NONE,
        References.NONE);
  }

  /** The state before any frame of a stream of the given size (its first frame is a key frame). */
  public static DecoderState initial(Dimensions dimensions) {
    return initial().withDimensions(dimensions);
  }

  public DecoderState withDimensions(Dimensions d) {
    return new DecoderState(d, probabilities, segmentation, filterAdjustments, references);
  }

  public DecoderState withProbabilities(ProbabilityTables p) {
    return new DecoderState(dimensions, p, segmentation, filterAdjustments, references);
  }

  public DecoderState withSegmentation(Segmentation s) {
    return new DecoderState(dimensions, probabilities, s, filterAdjustments, references);
  }

  public DecoderState withFilterAdjustments(FilterAdjustments f) {
    return new DecoderState(dimensions, probabilities, segmentation, f, references);
  }

  public DecoderState withReferences(References r) {
    return new DecoderState(dimensions, probabilities, segmentation, filterAdjustments, r);
  }

  /** The versioned binary form (magic, version, length-checked sections, digest). */
  public byte[] serialize() {
    return StateSerializer.write(
        dimensions, probabilities, segmentation, filterAdjustments, references);
  }

  /**
   * Reads a state written by {@link #serialize()}.
   *
   * @throws CorruptFrameException for truncated or corrupted data
   * @throws UnsupportedFeatureException for another format version
   */
  public static DecoderState deserialize(byte[] data) {
    StateSerializer.Parts p = StateSerializer.read(data);
    return new DecoderState(
        p.dimensions(), p.probabilities(), p.segmentation(), p.filterAdjustments(), p.references());
  }

  /** SHA-256 (hex) of the serialized form: equal states have equal digests. */
  public String digest() {
    return StateSerializer.digest(
        dimensions, probabilities, segmentation, filterAdjustments, references);
  }
}
