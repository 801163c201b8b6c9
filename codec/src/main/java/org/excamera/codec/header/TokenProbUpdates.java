package org.excamera.codec.header;

import java.util.Arrays;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;
import org.excamera.codec.tables.CoefficientTables;

/**
 * DCT coefficient probability updates (RFC 6386 §9.9, §13.4): for each of the 1056 entries
 * [type][band][context][node] (flattened as {@link CoefficientTables#index}), either no update
 * ({@code -1}) or a new 8-bit probability. Immutable; {@link #with} returns a changed copy.
 */
public final class TokenProbUpdates {
  private static final int[] UPDATE_PROBS = CoefficientTables.coeffUpdateProbs();

  /** No updates. */
  public static final TokenProbUpdates NONE = new TokenProbUpdates(filled());

  private final short[] values;

  private TokenProbUpdates(short[] values) {
    this.values = values;
  }

  private static short[] filled() {
    short[] v = new short[CoefficientTables.COEFF_PROB_COUNT];
    Arrays.fill(v, (short) -1);
    return v;
  }

  /** The update of entry {@code i} (flattened index), or -1. */
  public int get(int i) {
    return values[i];
  }

  /** A copy with entry {@code i} set to {@code prob} (0..255) or cleared ({@code -1}). */
  public TokenProbUpdates with(int i, int prob) {
    if (prob < -1 || prob > 255) {
      throw new IllegalArgumentException("probability out of range: " + prob);
    }
    short[] v = values.clone();
    v[i] = (short) prob;
    return new TokenProbUpdates(v);
  }

  /** Updates from an array of 1056 entries, -1 meaning no update (copied). */
  public static TokenProbUpdates of(int[] updates) {
    if (updates.length != CoefficientTables.COEFF_PROB_COUNT) {
      throw new IllegalArgumentException("need 1056 entries, got " + updates.length);
    }
    short[] v = new short[updates.length];
    for (int i = 0; i < v.length; i++) {
      if (updates[i] < -1 || updates[i] > 255) {
        throw new IllegalArgumentException("probability out of range: " + updates[i]);
      }
      v[i] = (short) updates[i];
    }
    return new TokenProbUpdates(v);
  }

  /** Number of entries updated. */
  public int count() {
    int n = 0;
    for (short s : values) {
      if (s >= 0) {
        n++;
      }
    }
    return n;
  }

  /** Applies the updates to a flattened probability table in place. */
  public void applyTo(int[] probs) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= 0) {
        probs[i] = values[i];
      }
    }
  }

  /** Reads the 1056 flags and values. */
  public static TokenProbUpdates read(BoolDecoder in) {
    short[] v = null;
    for (int i = 0; i < CoefficientTables.COEFF_PROB_COUNT; i++) {
      if (in.readBool(UPDATE_PROBS[i])) {
        if (v == null) {
          v = filled();
        }
        v[i] = (short) in.readLiteral(8);
      }
    }
    return v == null ? NONE : new TokenProbUpdates(v);
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    for (int i = 0; i < values.length; i++) {
      out.writeBool(values[i] >= 0, UPDATE_PROBS[i]);
      if (values[i] >= 0) {
        out.writeLiteral(values[i], 8);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenProbUpdates t && Arrays.equals(t.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TokenProbUpdates[" + count() + " updated]";
  }
}
