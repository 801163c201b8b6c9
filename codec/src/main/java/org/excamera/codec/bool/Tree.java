package org.excamera.codec.bool;

/**
 * A coding tree in the RFC 6386 §8.1 layout: {@code nodes[i]} and {@code nodes[i+1]} are the
 * branches for bit 0 and bit 1 of node {@code i/2}; a positive entry is the index of the next node,
 * a non-positive entry {@code -v} is the leaf with value {@code v}. Node {@code i/2} is read with
 * probability {@code probs[offset + i/2]}.
 */
public final class Tree {
  private final int[] nodes;
  private final int[] pathBits; // per leaf value: the branch bits from the root, first in bit 0
  private final int[] pathLength;

  /** A tree over the given node array (copied). */
  public Tree(int... nodes) {
    this.nodes = nodes.clone();
    int maxLeaf = 0;
    for (int n : nodes) {
      maxLeaf = Math.max(maxLeaf, -n);
    }
    pathBits = new int[maxLeaf + 1];
    pathLength = new int[maxLeaf + 1];
    java.util.Arrays.fill(pathLength, -1);
    walk(0, 0, 0);
  }

  private void walk(int index, int bits, int depth) {
    for (int b = 0; b < 2; b++) {
      int next = nodes[index + b];
      int nextBits = bits | (b << depth);
      if (next > 0) {
        walk(next, nextBits, depth + 1);
      } else {
        pathBits[-next] = nextBits;
        pathLength[-next] = depth + 1;
      }
    }
  }

  /** Reads a value starting at the root. */
  public int read(BoolDecoder in, int[] probs, int offset) {
    return readFrom(in, 0, probs, offset);
  }

  /** Reads a value starting at node index {@code start} (e.g. skipping an EOB branch). */
  public int readFrom(BoolDecoder in, int start, int[] probs, int offset) {
    int i = start;
    while ((i = nodes[i + in.readBit(probs[offset + (i >> 1)])]) > 0) {
      // descend
    }
    return -i;
  }

  /** Writes {@code value} starting at the root. */
  public void write(BoolEncoder out, int value, int[] probs, int offset) {
    checkLeaf(value);
    int bits = pathBits[value];
    int i = 0;
    for (int d = 0; d < pathLength[value]; d++) {
      int b = (bits >> d) & 1;
      out.writeBit(b, probs[offset + (i >> 1)]);
      i = nodes[i + b];
    }
  }

  /**
   * Writes {@code value} starting at node index {@code start}; the value must lie below that node
   * (its path from the root passes through {@code start}).
   */
  public void writeFrom(BoolEncoder out, int start, int value, int[] probs, int offset) {
    checkLeaf(value);
    int bits = pathBits[value];
    int i = 0;
    int d = 0;
    while (i != start) {
      if (d >= pathLength[value]) {
        throw new IllegalArgumentException("value %d is not below node %d".formatted(value, start));
      }
      i = nodes[i + ((bits >> d) & 1)];
      d++;
    }
    for (; d < pathLength[value]; d++) {
      int b = (bits >> d) & 1;
      out.writeBit(b, probs[offset + (i >> 1)]);
      i = nodes[i + b];
    }
  }

  private void checkLeaf(int value) {
    if (value < 0 || value >= pathLength.length || pathLength[value] < 0) {
      throw new IllegalArgumentException("not a leaf of this tree: " + value);
    }
  }
}
