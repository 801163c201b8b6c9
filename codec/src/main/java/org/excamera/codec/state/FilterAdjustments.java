package org.excamera.codec.state;

import java.util.Arrays;
import org.excamera.codec.header.ModeRefLfDeltaUpdate;

/**
 * Loop-filter level adjustments that persist between frames (RFC 6386 §9.4): by reference frame
 * [intra, last, golden, altref] and by mode [B_PRED, ZEROMV, NEAREST/NEAR/NEWMV, SPLITMV]. Key
 * frames reset them to 0; a delta update replaces only the values it sends (libvpx).
 */
public final class FilterAdjustments {
  /** All adjustments 0. */
  public static final FilterAdjustments NONE = new FilterAdjustments(new byte[4], new byte[4]);

  private final byte[] refFrameDeltas;
  private final byte[] modeDeltas;

  private FilterAdjustments(byte[] refFrameDeltas, byte[] modeDeltas) {
    this.refFrameDeltas = refFrameDeltas;
    this.modeDeltas = modeDeltas;
  }

  /** Adjustments from their values (-63..63 each). */
  public static FilterAdjustments of(int[] refFrameDeltas, int[] modeDeltas) {
    if (refFrameDeltas.length != 4 || modeDeltas.length != 4) {
      throw new IllegalArgumentException("need 4 reference and 4 mode deltas");
    }
    byte[] r = new byte[4];
    byte[] m = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (Math.abs(refFrameDeltas[i]) > 63 || Math.abs(modeDeltas[i]) > 63) {
        throw new IllegalArgumentException("loop filter delta out of range");
      }
      r[i] = (byte) refFrameDeltas[i];
      m[i] = (byte) modeDeltas[i];
    }
    return new FilterAdjustments(r, m);
  }

  /** Delta for reference frame {@code ref} (0 intra .. 3 altref). */
  public int refFrameDelta(int ref) {
    return refFrameDeltas[ref];
  }

  /** Delta for mode class {@code m} (0 B_PRED, 1 ZEROMV, 2 other MV modes, 3 SPLITMV). */
  public int modeDelta(int m) {
    return modeDeltas[m];
  }

  /** The adjustments after a frame's delta section. */
  public FilterAdjustments updatedBy(ModeRefLfDeltaUpdate u, boolean keyFrame) {
    FilterAdjustments base = keyFrame ? NONE : this;
    if (!u.loopFilterAdjEnable() || !u.modeRefLfDeltaUpdate()) {
      return base;
    }
    byte[] r = base.refFrameDeltas.clone();
    byte[] m = base.modeDeltas.clone();
    for (int i = 0; i < 4; i++) {
      if (u.refFrameDeltaUpdate().get(i).present()) {
        r[i] = (byte) u.refFrameDeltaUpdate().get(i).value();
      }
      if (u.mbModeDeltaUpdate().get(i).present()) {
        m[i] = (byte) u.mbModeDeltaUpdate().get(i).value();
      }
    }
    return new FilterAdjustments(r, m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterAdjustments f
        && Arrays.equals(f.refFrameDeltas, refFrameDeltas)
        && Arrays.equals(f.modeDeltas, modeDeltas);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(refFrameDeltas) + Arrays.hashCode(modeDeltas);
  }

  @Override
  public String toString() {
    return "FilterAdjustments[ref=%s mode=%s]"
        .formatted(Arrays.toString(refFrameDeltas), Arrays.toString(modeDeltas));
  }
}
