package org.excamera.codec.header;

import java.util.Arrays;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;
import org.excamera.codec.tables.MvTables;

/**
 * Motion vector probability updates (RFC 6386 §17.2): for each of the 2 x 19 entries either no
 * update ({@code -1}) or the new probability, sent as 7 bits {@code x} meaning {@code x ? 2x : 1};
 * so a probability is 1 or even. Immutable.
 */
public final class MvProbUpdates {
  private static final int[] UPDATE_PROBS = MvTables.mvUpdateProbs();
  private static final int COUNT = 2 * MvTables.MV_PROB_COUNT;

  /** No updates. */
  public static final MvProbUpdates NONE = new MvProbUpdates(filled());

  private final short[] values;

  private MvProbUpdates(short[] values) {
    this.values = values;
  }

  private static short[] filled() {
    short[] v = new short[COUNT];
    Arrays.fill(v, (short) -1);
    return v;
  }

  /** The update of entry {@code i} (component * 19 + index), or -1. */
  public int get(int i) {
    return values[i];
  }

  /** A copy with entry {@code i} set to {@code prob} (1 or an even 2..254) or cleared (-1). */
  public MvProbUpdates with(int i, int prob) {
    if (prob != -1 && (prob < 1 || prob > 254 || (prob != 1 && (prob & 1) != 0))) {
      throw new IllegalArgumentException("MV probability must be 1 or even: " + prob);
    }
    short[] v = values.clone();
    v[i] = (short) prob;
    return new MvProbUpdates(v);
  }

  /** Applies the updates to a flattened [2][19] table in place. */
  public void applyTo(int[] probs) {
    for (int i = 0; i < COUNT; i++) {
      if (values[i] >= 0) {
        probs[i] = values[i];
      }
    }
  }

  /** Reads the 38 flags and values. */
  public static MvProbUpdates read(BoolDecoder in) {
    short[] v = null;
    for (int i = 0; i < COUNT; i++) {
      if (in.readBool(UPDATE_PROBS[i])) {
        if (v == null) {
          v = filled();
        }
        int x = in.readLiteral(7);
        v[i] = (short) (x != 0 ? x << 1 : 1);
      }
    }
    return v == null ? NONE : new MvProbUpdates(v);
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    for (int i = 0; i < COUNT; i++) {
      out.writeBool(values[i] >= 0, UPDATE_PROBS[i]);
      if (values[i] >= 0) {
        out.writeLiteral(values[i] >> 1, 7);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MvProbUpdates m && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
