package org.excamera.codec.state;

import java.util.Arrays;
import java.util.List;

/** A short immutable list of 8-bit probabilities (mode or motion vector probabilities). */
public final class ProbabilityVector {
  private final byte[] values;

  private ProbabilityVector(byte[] values) {
    this.values = values;
  }

  /** A vector of the given probabilities 0..255 (copied). */
  public static ProbabilityVector of(int... probs) {
    byte[] b = new byte[probs.length];
    for (int i = 0; i < probs.length; i++) {
      if (probs[i] < 0 || probs[i] > 255) {
        throw new IllegalArgumentException("probability out of range: " + probs[i]);
      }
      b[i] = (byte) probs[i];
    }
    return new ProbabilityVector(b);
  }

  /** A vector of the given probabilities. */
  public static ProbabilityVector of(List<Integer> probs) {
    return of(probs.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Number of probabilities. */
  public int size() {
    return values.length;
  }

  /** Probability {@code i}. */
  public int get(int i) {
    return values[i] & 0xFF;
  }

  /** A copy with probability {@code i} changed. */
  public ProbabilityVector with(int i, int p) {
    int[] v = toIntArray();
    v[i] = p;
    return of(v);
  }

  /** All probabilities (a fresh array). */
  public int[] toIntArray() {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i] & 0xFF;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProbabilityVector p && Arrays.equals(p.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(toIntArray());
  }
}
