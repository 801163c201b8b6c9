package org.excamera.codec.header;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * Loop-filter adjustments by reference frame and prediction mode (RFC 6386 §9.4, §19.2): {@code
 * loop_filter_adj_enable}, {@code mode_ref_lf_delta_update}, and four reference-frame and four mode
 * deltas, each sent only when it changes (an absent delta keeps its previous value, as in libvpx).
 * Mode deltas: [0] B_PRED, [1] ZEROMV, [2] NEARESTMV/NEARMV/NEWMV, [3] SPLITMV.
 */
public record ModeRefLfDeltaUpdate(
    boolean loopFilterAdjEnable,
    boolean modeRefLfDeltaUpdate,
    List<SignedUpdate> refFrameDeltaUpdate,
    List<SignedUpdate> mbModeDeltaUpdate) {

  private static final List<SignedUpdate> NONE =
      List.of(SignedUpdate.ABSENT, SignedUpdate.ABSENT, SignedUpdate.ABSENT, SignedUpdate.ABSENT);

  /** Adjustments disabled for this frame. */
  public static final ModeRefLfDeltaUpdate DISABLED =
      new ModeRefLfDeltaUpdate(false, false, NONE, NONE);

  /** Adjustments enabled, no update of the deltas. */
  public static final ModeRefLfDeltaUpdate ENABLED_NO_UPDATE =
      new ModeRefLfDeltaUpdate(true, false, NONE, NONE);

  public ModeRefLfDeltaUpdate {
    refFrameDeltaUpdate = List.copyOf(refFrameDeltaUpdate);
    mbModeDeltaUpdate = List.copyOf(mbModeDeltaUpdate);
    if (refFrameDeltaUpdate.size() != 4 || mbModeDeltaUpdate.size() != 4) {
      throw new IllegalArgumentException("loop filter deltas need 4 + 4 values");
    }
  }

  /** Reads the section. */
  public static ModeRefLfDeltaUpdate read(BoolDecoder in) {
    if (!in.readFlag()) {
      return DISABLED;
    }
    if (!in.readFlag()) {
      return ENABLED_NO_UPDATE;
    }
    List<SignedUpdate> ref = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      ref.add(SignedUpdate.read(in, 6));
    }
    List<SignedUpdate> mode = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      mode.add(SignedUpdate.read(in, 6));
    }
    return new ModeRefLfDeltaUpdate(true, true, ref, mode);
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    out.writeFlag(loopFilterAdjEnable);
    if (!loopFilterAdjEnable) {
      return;
    }
    out.writeFlag(modeRefLfDeltaUpdate);
    if (!modeRefLfDeltaUpdate) {
      return;
    }
    for (SignedUpdate u : refFrameDeltaUpdate) {
      u.write(out, 6);
    }
    for (SignedUpdate u : mbModeDeltaUpdate) {
      u.write(out, 6);
    }
  }
}
