package org.excamera.codec.state;

import java.util.Arrays;
import org.excamera.codec.header.TokenProbUpdates;
import org.excamera.codec.tables.CoefficientTables;

/**
 * Coefficient probabilities, indexed [blockType 4][band 8][context 3][node 11] (RFC 6386 §13.3),
 * flattened as {@link CoefficientTables#index}. Immutable; updates return new values.
 */
public final class CoefficientProbabilities {
  /** The defaults of RFC 6386 §13.5, in force after every key frame. */
  public static final CoefficientProbabilities DEFAULTS =
      new CoefficientProbabilities(toBytes(CoefficientTables.defaultCoeffProbs()));

  private final byte[] values;

  private CoefficientProbabilities(byte[] values) {
    this.values = values;
  }

  private static byte[] toBytes(int[] probs) {
    byte[] b = new byte[probs.length];
    for (int i = 0; i < probs.length; i++) {
      b[i] = (byte) probs[i];
    }
    return b;
  }

  /** Probabilities from 1056 values 0..255 (copied). */
  public static CoefficientProbabilities of(int[] probs) {
    if (probs.length != CoefficientTables.COEFF_PROB_COUNT) {
      throw new IllegalArgumentException("need 1056 probabilities, got " + probs.length);
    }
    for (int p : probs) {
      if (p < 0 || p > 255) {
        throw new IllegalArgumentException("probability out of range: " + p);
      }
    }
    return new CoefficientProbabilities(toBytes(probs));
  }

  /** Probability of (type, band, context, node). */
  public int get(int type, int band, int ctx, int node) {
    return get(CoefficientTables.index(type, band, ctx, node));
  }

  /** Probability at a flattened index. */
  public int get(int index) {
    return values[index] & 0xFF;
  }

  /** A copy with one probability changed. */
  public CoefficientProbabilities with(int type, int band, int ctx, int node, int p) {
    if (p < 0 || p > 255) {
      throw new IllegalArgumentException("probability out of range: " + p);
    }
    byte[] v = values.clone();
    v[CoefficientTables.index(type, band, ctx, node)] = (byte) p;
    return new CoefficientProbabilities(v);
  }

  /** These probabilities with the header's updates applied. */
  public CoefficientProbabilities updatedBy(TokenProbUpdates updates) {
    if (updates.equals(TokenProbUpdates.NONE)) {
      return this;
    }
    byte[] v = values.clone();
    for (int i = 0; i < v.length; i++) {
      int u = updates.get(i);
      if (u >= 0) {
        v[i] = (byte) u;
      }
    }
    return new CoefficientProbabilities(v);
  }

  /** All 1056 probabilities as ints (a fresh array). */
  public int[] toIntArray() {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i] & 0xFF;
    }
    return out;
  }

  /** The raw bytes (a copy), for serialization. */
  public byte[] toBytes() {
    return values.clone();
  }

  /** From raw bytes (copied), for deserialization. */
  public static CoefficientProbabilities fromBytes(byte[] raw) {
    if (raw.length != CoefficientTables.COEFF_PROB_COUNT) {
      throw new IllegalArgumentException("need 1056 probabilities, got " + raw.length);
    }
    return new CoefficientProbabilities(raw.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoefficientProbabilities c && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CoefficientProbabilities[" + (equals(DEFAULTS) ? "defaults" : "updated") + "]";
  }
}
