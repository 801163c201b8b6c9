package org.excamera.codec.header;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * The segmentation section of the frame header (RFC 6386 §9.3, §19.2): whether segmentation is
 * enabled this frame, whether the macroblock segment map and the per-segment feature data are
 * updated, absolute or delta feature values, four quantizer and four loop-filter values, and the
 * three segment-id tree probabilities ({@code -1} = not sent, which means 255).
 */
public record UpdateSegmentation(
    boolean segmentationEnabled,
    boolean updateMbSegmentationMap,
    boolean updateSegmentFeatureData,
    boolean segmentFeatureModeAbsolute,
    List<SignedUpdate> quantizerUpdate,
    List<SignedUpdate> loopFilterUpdate,
    List<Integer> segmentProbs) {

  private static final List<SignedUpdate> NO_VALUES =
      List.of(SignedUpdate.ABSENT, SignedUpdate.ABSENT, SignedUpdate.ABSENT, SignedUpdate.ABSENT);
  private static final List<Integer> NO_PROBS = List.of(-1, -1, -1);

  /** Segmentation off for this frame. */
  public static final UpdateSegmentation DISABLED =
      new UpdateSegmentation(false, false, false, false, NO_VALUES, NO_VALUES, NO_PROBS);

  public UpdateSegmentation {
    quantizerUpdate = List.copyOf(quantizerUpdate);
    loopFilterUpdate = List.copyOf(loopFilterUpdate);
    segmentProbs = List.copyOf(segmentProbs);
    if (quantizerUpdate.size() != 4 || loopFilterUpdate.size() != 4 || segmentProbs.size() != 3) {
      throw new IllegalArgumentException("segmentation needs 4 + 4 values and 3 probabilities");
    }
    for (int p : segmentProbs) {
      if (p < -1 || p > 255) {
        throw new IllegalArgumentException("segment probability out of range: " + p);
      }
    }
  }

  /** The tree probability {@code i} as used for decoding (255 when not sent). */
  public int treeProb(int i) {
    int p = segmentProbs.get(i);
    return p < 0 ? 255 : p;
  }

  /** Reads the section. */
  public static UpdateSegmentation read(BoolDecoder in) {
    if (!in.readFlag()) {
      return DISABLED;
    }
    boolean updateMap = in.readFlag();
    boolean updateData = in.readFlag();
    boolean absolute = false;
    List<SignedUpdate> q = NO_VALUES;
    List<SignedUpdate> lf = NO_VALUES;
    if (updateData) {
      absolute = in.readFlag();
      List<SignedUpdate> qs = new ArrayList<>(4);
      for (int i = 0; i < 4; i++) {
        qs.add(SignedUpdate.read(in, 7));
      }
      List<SignedUpdate> lfs = new ArrayList<>(4);
      for (int i = 0; i < 4; i++) {
        lfs.add(SignedUpdate.read(in, 6));
      }
      q = qs;
      lf = lfs;
    }
    List<Integer> probs = NO_PROBS;
    if (updateMap) {
      List<Integer> ps = new ArrayList<>(3);
      for (int i = 0; i < 3; i++) {
        ps.add(in.readFlag() ? in.readLiteral(8) : -1);
      }
      probs = ps;
    }
    return new UpdateSegmentation(true, updateMap, updateData, absolute, q, lf, probs);
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    out.writeFlag(segmentationEnabled);
    if (!segmentationEnabled) {
      return;
    }
    out.writeFlag(updateMbSegmentationMap);
    out.writeFlag(updateSegmentFeatureData);
    if (updateSegmentFeatureData) {
      out.writeFlag(segmentFeatureModeAbsolute);
      for (SignedUpdate u : quantizerUpdate) {
        u.write(out, 7);
      }
      for (SignedUpdate u : loopFilterUpdate) {
        u.write(out, 6);
      }
    }
    if (updateMbSegmentationMap) {
      for (int p : segmentProbs) {
        out.writeFlag(p >= 0);
        if (p >= 0) {
          out.writeLiteral(p, 8);
        }
      }
    }
  }
}
