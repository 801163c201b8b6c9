package org.excamera.codec.header;

import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * A frame's complete header (RFC 6386 §9, §19.1–19.2): the uncompressed tag and key frame start,
 * then the bool-coded fields at the start of the first partition, in bitstream order. The partition
 * sizes are not part of the value: they follow from the data when a frame is written.
 *
 * <p>Key frames have {@code colorSpace}/{@code clampingType}, {@link ReferenceUpdates#KEY_FRAME}
 * and {@link InterProbs#NONE}; interframes have {@link KeyFrameStart#NONE}. {@code probSkipFalse}
 * is 0 unless {@code mbNoSkipCoeff}.
 */
public record FrameHeader(
    FrameTag tag,
    KeyFrameStart keyFrameStart,
    int colorSpace,
    int clampingType,
    UpdateSegmentation segmentation,
    LoopFilterHeader loopFilter,
    int log2NbrOfDctPartitions,
    QuantIndices quantIndices,
    ReferenceUpdates referenceUpdates,
    boolean refreshEntropyProbs,
    TokenProbUpdates tokenProbUpdates,
    boolean mbNoSkipCoeff,
    int probSkipFalse,
    InterProbs interProbs) {

  public FrameHeader {
    if (colorSpace < 0
        || colorSpace > 1
        || clampingType < 0
        || clampingType > 1
        || log2NbrOfDctPartitions < 0
        || log2NbrOfDctPartitions > 3
        || probSkipFalse < 0
        || probSkipFalse > 255) {
      throw new IllegalArgumentException(
          "frame header field out of range: color space %d, clamping %d, partitions 2^%d, prob skip %d"
              .formatted(colorSpace, clampingType, log2NbrOfDctPartitions, probSkipFalse));
    }
    if (tag.keyFrame() != (keyFrameStart.width() > 0)) {
      throw new IllegalArgumentException("key frames, and only they, have a key frame start");
    }
  }

  /** Whether this is a key frame. */
  public boolean keyFrame() {
    return tag.keyFrame();
  }

  /** Number of DCT token partitions (1, 2, 4 or 8). */
  public int partitionCount() {
    return 1 << log2NbrOfDctPartitions;
  }

  /**
   * Reads the bool-coded part of the header from the start of the first partition.
   *
   * @throws CorruptFrameException if a buffer copy uses the reserved value 3
   */
  public static FrameHeader read(FrameTag tag, KeyFrameStart start, BoolDecoder in) {
    boolean key = tag.keyFrame();
    int colorSpace = 0;
    int clamping = 0;
    if (key) {
      colorSpace = in.readLiteral(1);
      clamping = in.readLiteral(1);
    }
    UpdateSegmentation segmentation = UpdateSegmentation.read(in);
    LoopFilterHeader loopFilter = LoopFilterHeader.read(in);
    int partitions = in.readLiteral(2);
    QuantIndices quant = QuantIndices.read(in);
    ReferenceUpdates refs;
    boolean refreshEntropy;
    if (key) {
      refs = ReferenceUpdates.KEY_FRAME;
      refreshEntropy = in.readFlag();
    } else {
      boolean refreshGolden = in.readFlag();
      boolean refreshAlt = in.readFlag();
      int copyGolden = refreshGolden ? 0 : in.readLiteral(2);
      int copyAlt = refreshAlt ? 0 : in.readLiteral(2);
      if (copyGolden == 3 || copyAlt == 3) {
        throw new CorruptFrameException(
            "reserved buffer copy value 3 (copy to golden %d, to altref %d)"
                .formatted(copyGolden, copyAlt));
      }
      boolean biasGolden = in.readFlag();
      boolean biasAlt = in.readFlag();
      refreshEntropy = in.readFlag();
      boolean refreshLast = in.readFlag();
      refs =
          new ReferenceUpdates(
              refreshGolden, refreshAlt, copyGolden, copyAlt, biasGolden, biasAlt, refreshLast);
    }
    TokenProbUpdates tokens = TokenProbUpdates.read(in);
    boolean noSkip = in.readFlag();
    int probSkip = noSkip ? in.readLiteral(8) : 0;
    InterProbs inter = key ? InterProbs.NONE : InterProbs.read(in);
    return new FrameHeader(
        tag,
        start,
        colorSpace,
        clamping,
        segmentation,
        loopFilter,
        partitions,
        quant,
        refs,
        refreshEntropy,
        tokens,
        noSkip,
        probSkip,
        inter);
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    boolean key = tag.keyFrame();
    if (key) {
      out.writeLiteral(colorSpace, 1);
      out.writeLiteral(clampingType, 1);
    }
    segmentation.write(out);
    loopFilter.write(out);
    out.writeLiteral(log2NbrOfDctPartitions, 2);
    quantIndices.write(out);
    if (key) {
      out.writeFlag(refreshEntropyProbs);
    } else {
      ReferenceUpdates r = referenceUpdates;
      out.writeFlag(r.refreshGoldenFrame());
      out.writeFlag(r.refreshAlternateFrame());
      if (!r.refreshGoldenFrame()) {
        out.writeLiteral(r.copyBufferToGolden(), 2);
      }
      if (!r.refreshAlternateFrame()) {
        out.writeLiteral(r.copyBufferToAlternate(), 2);
      }
      out.writeFlag(r.signBiasGolden());
      out.writeFlag(r.signBiasAlternate());
      out.writeFlag(refreshEntropyProbs);
      out.writeFlag(r.refreshLast());
    }
    tokenProbUpdates.write(out);
    out.writeFlag(mbNoSkipCoeff);
    if (mbNoSkipCoeff) {
      out.writeLiteral(probSkipFalse, 8);
    }
    if (!key) {
      interProbs.write(out);
    }
  }

  /** A copy with another tag. */
  public FrameHeader withTag(FrameTag t) {
    return new FrameHeader(
        t,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        quantIndices,
        referenceUpdates,
        refreshEntropyProbs,
        tokenProbUpdates,
        mbNoSkipCoeff,
        probSkipFalse,
        interProbs);
  }

  /** A copy with other token probability updates. */
  public FrameHeader withTokenProbUpdates(TokenProbUpdates t) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        quantIndices,
        referenceUpdates,
        refreshEntropyProbs,
        t,
        mbNoSkipCoeff,
        probSkipFalse,
        interProbs);
  }

  /** A copy with another loop filter section. */
  public FrameHeader withLoopFilter(LoopFilterHeader lf) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        lf,
        log2NbrOfDctPartitions,
        quantIndices,
        referenceUpdates,
        refreshEntropyProbs,
        tokenProbUpdates,
        mbNoSkipCoeff,
        probSkipFalse,
        interProbs);
  }

  /** A copy with other reference updates (interframes). */
  public FrameHeader withReferenceUpdates(ReferenceUpdates r) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        quantIndices,
        r,
        refreshEntropyProbs,
        tokenProbUpdates,
        mbNoSkipCoeff,
        probSkipFalse,
        interProbs);
  }

  /** A copy with another skip coding: whether skip flags are coded, and their probability. */
  public FrameHeader withSkipCoding(boolean noSkipCoeff, int probSkip) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        quantIndices,
        referenceUpdates,
        refreshEntropyProbs,
        tokenProbUpdates,
        noSkipCoeff,
        noSkipCoeff ? probSkip : 0,
        interProbs);
  }

  /** A copy with other interframe probabilities. */
  public FrameHeader withInterProbs(InterProbs p) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        quantIndices,
        referenceUpdates,
        refreshEntropyProbs,
        tokenProbUpdates,
        mbNoSkipCoeff,
        probSkipFalse,
        p);
  }

  /** A copy with other quantizer indices. */
  public FrameHeader withQuantIndices(QuantIndices q) {
    return new FrameHeader(
        tag,
        keyFrameStart,
        colorSpace,
        clampingType,
        segmentation,
        loopFilter,
        log2NbrOfDctPartitions,
        q,
        referenceUpdates,
        refreshEntropyProbs,
        tokenProbUpdates,
        mbNoSkipCoeff,
        probSkipFalse,
        interProbs);
  }
}
