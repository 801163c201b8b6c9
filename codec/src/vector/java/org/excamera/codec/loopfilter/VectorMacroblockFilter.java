package org.excamera.codec.loopfilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loop filter of one macroblock with the {@link VectorEdgeFilters} (sixteen positions per
 * kernel call), in libvpx's edge order. Luma horizontal edges are filtered in the picture; the
 * other edges in a scratch block {@code t} of 16-byte lines, one line per sample across the edge:
 * for vertical edges the transposed columns (line {@code c + 4} is column {@code c}, its bytes the
 * 16 rows; for chroma rows 0..7 of U then of V), for chroma horizontal edges the rows (line {@code
 * r + 4} is row {@code r}: 8 pixels of U then 8 of V). Columns are transposed eight at a time:
 * eight bytes of each of 16 rows, as two 512-bit vectors of rows, rearranged into 16-byte lines.
 * The row vectors are built from and taken apart into 64-bit lanes in registers ({@code withLane}
 * on two 256-bit halves, {@code lane}; see {@link #rows}): staging them in a byte array cost a wide
 * load of bytes just stored by narrow stores (or the reverse), which waits until the stores reach
 * the cache; in registers (eight inserts then, before the halves) the loop filter took 0.79-0.81
 * instead of 0.87-0.97 ms/frame on foreman 720p (bench/LoopFilterBench).
 */
final class VectorMacroblockFilter implements MacroblockFilter {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_512;
  private static final VectorSpecies<Long> ROWS = LongVector.SPECIES_512;
  private static final VectorSpecies<Long> HALF = LongVector.SPECIES_256;

  // The 512-bit vectors here are stored with intoByteArray, and the kernels' 128-bit ones with
  // intoArray: C2 intrinsifies a Vector API call only if it knows the vector's exact class, and a
  // shared method such as ByteVector.intoArray that has seen two classes has lost it.

  // Transposing takes lanes from two vectors: the shuffles below pick lane i of the result from
  // lane TO_LINES_*[i] of the first vector where the mask is set, of the second elsewhere. (The
  // two-vector rearrange of JDK 17 recomputes this split on every call, and allocates.)

  /** Lines 0..3 (then 4..7) of a transposed block from its rows 0..7 and 8..15. */
  private static final VectorShuffle<Byte> TO_LINES_LOW = shuffle(true, 0);

  private static final VectorShuffle<Byte> TO_LINES_HIGH = shuffle(true, 4);

  /** Where lines take the first vector's lanes: row 0..7. */
  private static final VectorMask<Byte> FROM_FIRST_ROWS = firstLanes(true);

  /** Rows 0..7 (then 8..15) of a block from its lines 0..3 and 4..7. */
  private static final VectorShuffle<Byte> TO_ROWS_LOW = shuffle(false, 0);

  private static final VectorShuffle<Byte> TO_ROWS_HIGH = shuffle(false, 8);

  /** Where rows take the first vector's lanes: lines 0..3. */
  private static final VectorMask<Byte> FROM_FIRST_LINES = firstLanes(false);

  private static final int LINE = 16;

  /** Lines 0..19 of {@code t} are luma columns -4..15; chroma lines start here. */
  private static final int CHROMA_LINES = 20;

  private final boolean simple;
  // Per level 0..63: [4 * level] macroblock edge limit, [+1] subblock edge limit, [+2] interior
  // limit, [+3] high edge variance threshold.
  private final int[] limits = new int[4 * 64];
  private final byte[] t = new byte[(CHROMA_LINES + 12) * LINE];
  // Up to five 8-column blocks of 16 rows (three luma, two chroma): where they come from.
  private final byte[][] blockFirst = new byte[5][];
  private final byte[][] blockSecond = new byte[5][];
  private final int[] blockFirstOffset = new int[5];
  private final int[] blockSecondOffset = new int[5];
  private final int[] blockStride = new int[5];
  private final int[] blockLine = new int[5];

  VectorMacroblockFilter(FilterLevels levels, boolean simple) {
    this.simple = simple;
    for (int level = 1; level < 64; level++) {
      limits[4 * level] = levels.macroblockEdgeLimit(level);
      limits[4 * level + 1] = levels.subblockEdgeLimit(level);
      limits[4 * level + 2] = levels.interiorLimit(level);
      limits[4 * level + 3] = levels.hevThreshold(level);
    }
  }

  /** Result lane i: line i / 16 (+ first), row i % 16; or row i / 8 (+ first), line i % 8. */
  private static VectorShuffle<Byte> shuffle(boolean toLines, int first) {
    int[] source = new int[64];
    for (int i = 0; i < 64; i++) {
      if (toLines) {
        int line = first + i / 16;
        int row = i % 16;
        source[i] = 8 * (row % 8) + line;
      } else {
        int row = first + i / 8;
        int line = i % 8;
        source[i] = 16 * (line % 4) + row;
      }
    }
    return VectorShuffle.fromArray(BYTES, source, 0);
  }

  private static VectorMask<Byte> firstLanes(boolean toLines) {
    boolean[] first = new boolean[64];
    for (int i = 0; i < 64; i++) {
      first[i] = toLines ? i % 16 < 8 : i % 8 < 4;
    }
    return VectorMask.fromArray(BYTES, first, 0);
  }

  @Override
  public void filter(
      byte[] y,
      byte[] u,
      byte[] v,
      int yo,
      int uvo,
      int ys,
      int uvs,
      int level,
      boolean left,
      boolean top,
      boolean interior) {
    int b = 4 * level;
    int mbEdge = limits[b];
    int subEdge = limits[b + 1];
    int il = limits[b + 2];
    int hev = limits[b + 3];
    if (left || interior) {
      vertical(y, u, v, yo, uvo, ys, uvs, left, interior, mbEdge, subEdge, il, hev);
    }
    // The planes are independent; chroma goes first so that its work separates the luma rows'
    // 8-byte stores just above from the wider loads of the luma kernels.
    if (!simple && (top || interior)) {
      chromaHorizontal(u, v, uvo, uvs, top, interior, mbEdge, subEdge, il, hev);
    }
    if (top) {
      macroblockEdge(y, yo, ys, mbEdge, il, hev);
    }
    if (interior) {
      for (int r = 4; r < 16; r += 4) {
        subblockEdge(y, yo + r * ys, ys, subEdge, il, hev);
      }
    }
  }

  /**
   * The vertical edges of all planes: every 8-column block is transposed into {@code t}, filtered
   * there, and transposed back into the picture where a kernel changed it.
   */
  private void vertical(
      byte[] y,
      byte[] u,
      byte[] v,
      int yo,
      int uvo,
      int ys,
      int uvs,
      boolean left,
      boolean interior,
      int mbEdge,
      int subEdge,
      int il,
      int hev) {
    int n = 0;
    if (interior) {
      for (int c = left ? -4 : 0; c < 16; c += 8) {
        int at = Math.min(c, 8);
        n = block(n, y, yo + at, y, yo + 8 * ys + at, ys, at + 4);
      }
    } else {
      n = block(n, y, yo - 4, y, yo + 8 * ys - 4, ys, 0);
    }
    int lumaBlocks = n;
    if (!simple && left) {
      n = block(n, u, uvo - 4, v, uvo - 4, uvs, CHROMA_LINES);
    }
    if (!simple && interior) {
      n = block(n, u, uvo, v, uvo, uvs, CHROMA_LINES + 4);
    }
    for (int i = 0; i < n; i++) {
      toLines(i);
    }
    boolean lumaChanged = left && macroblockEdge(t, 4 * LINE, LINE, mbEdge, il, hev);
    if (interior) {
      for (int x = 4; x < 16; x += 4) {
        lumaChanged |= subblockEdge(t, (x + 4) * LINE, LINE, subEdge, il, hev);
      }
    }
    int chroma = CHROMA_LINES * LINE;
    boolean chromaChanged =
        !simple
            && left
            && VectorEdgeFilters.macroblock(t, chroma + 4 * LINE, LINE, mbEdge, il, hev);
    chromaChanged |=
        !simple
            && interior
            && VectorEdgeFilters.subblock(t, chroma + 8 * LINE, LINE, subEdge, il, hev);
    for (int i = 0; i < n; i++) {
      if (i < lumaBlocks ? lumaChanged : chromaChanged) {
        fromLines(i);
      }
    }
  }

  /**
   * Notes block {@code n}: columns 0..7 of rows 0..7 from {@code a[oa]} and of rows 8..15 from
   * {@code b[ob]}, to be transposed into lines {@code line..line + 7} of {@code t}; the next index.
   */
  private int block(int n, byte[] a, int oa, byte[] b, int ob, int stride, int line) {
    blockFirst[n] = a;
    blockSecond[n] = b;
    blockFirstOffset[n] = oa;
    blockSecondOffset[n] = ob;
    blockStride[n] = stride;
    blockLine[n] = line;
    return n + 1;
  }

  private void chromaHorizontal(
      byte[] u,
      byte[] v,
      int uvo,
      int uvs,
      boolean top,
      boolean interior,
      int mbEdge,
      int subEdge,
      int il,
      int hev) {
    int first = top ? -4 : 0;
    int end = interior ? 8 : 4;
    int lines = CHROMA_LINES * LINE;
    for (int r = first; r < end; r++) {
      int o = uvo + r * uvs;
      LONGS.set(t, lines + (r + 4) * LINE, (long) LONGS.get(u, o));
      LONGS.set(t, lines + (r + 4) * LINE + 8, (long) LONGS.get(v, o));
    }
    boolean changed =
        top && VectorEdgeFilters.macroblock(t, lines + 4 * LINE, LINE, mbEdge, il, hev);
    changed |= interior && VectorEdgeFilters.subblock(t, lines + 8 * LINE, LINE, subEdge, il, hev);
    if (changed) {
      for (int r = first; r < end; r++) {
        int o = uvo + r * uvs;
        LONGS.set(u, o, (long) LONGS.get(t, lines + (r + 4) * LINE));
        LONGS.set(v, o, (long) LONGS.get(t, lines + (r + 4) * LINE + 8));
      }
    }
  }

  private boolean macroblockEdge(byte[] a, int o, int step, int edge, int il, int hev) {
    return simple
        ? VectorEdgeFilters.simple(a, o, step, edge)
        : VectorEdgeFilters.macroblock(a, o, step, edge, il, hev);
  }

  private boolean subblockEdge(byte[] a, int o, int step, int edge, int il, int hev) {
    return simple
        ? VectorEdgeFilters.simple(a, o, step, edge)
        : VectorEdgeFilters.subblock(a, o, step, edge, il, hev);
  }

  /** Transposes block {@code i} from the picture into its lines of {@code t}. */
  private void toLines(int i) {
    int stride = blockStride[i];
    ByteVector first = rows(blockFirst[i], blockFirstOffset[i], stride);
    ByteVector second = rows(blockSecond[i], blockSecondOffset[i], stride);
    int at = blockLine[i] * LINE;
    second
        .rearrange(TO_LINES_LOW)
        .blend(first.rearrange(TO_LINES_LOW), FROM_FIRST_ROWS)
        .intoByteArray(t, at, ByteOrder.LITTLE_ENDIAN);
    second
        .rearrange(TO_LINES_HIGH)
        .blend(first.rearrange(TO_LINES_HIGH), FROM_FIRST_ROWS)
        .intoByteArray(t, at + 4 * LINE, ByteOrder.LITTLE_ENDIAN);
  }

  /** The inverse of {@link #toLines}. */
  private void fromLines(int i) {
    int at = blockLine[i] * LINE;
    ByteVector low = ByteVector.fromArray(BYTES, t, at);
    ByteVector high = ByteVector.fromArray(BYTES, t, at + 4 * LINE);
    int stride = blockStride[i];
    intoRows(
        high.rearrange(TO_ROWS_LOW).blend(low.rearrange(TO_ROWS_LOW), FROM_FIRST_LINES),
        blockFirst[i],
        blockFirstOffset[i],
        stride);
    intoRows(
        high.rearrange(TO_ROWS_HIGH).blend(low.rearrange(TO_ROWS_HIGH), FROM_FIRST_LINES),
        blockSecond[i],
        blockSecondOffset[i],
        stride);
  }

  /**
   * Eight bytes of each of eight rows from {@code a[o]}, one row per 64-bit lane: rows 0..3 and
   * 4..7 go into two 256-bit vectors, which are then placed side by side. Inserting all eight into
   * the 512-bit vector directly cost the loop filter 0.90-0.97 instead of 0.71-0.83 ms/frame on
   * foreman 720p (bench/LoopFilterBench; C2 moves a 128-bit part of the wide vector out and back
   * for every lane it sets). Taking {@link #intoRows}'s lanes from two halves in the same way was
   * slower (0.74-0.75 against 0.71-0.72 ms/frame).
   */
  private static ByteVector rows(byte[] a, int o, int stride) {
    LongVector low =
        LongVector.zero(HALF)
            .withLane(0, (long) LONGS.get(a, o))
            .withLane(1, (long) LONGS.get(a, o + stride))
            .withLane(2, (long) LONGS.get(a, o + 2 * stride))
            .withLane(3, (long) LONGS.get(a, o + 3 * stride));
    LongVector high =
        LongVector.zero(HALF)
            .withLane(0, (long) LONGS.get(a, o + 4 * stride))
            .withLane(1, (long) LONGS.get(a, o + 5 * stride))
            .withLane(2, (long) LONGS.get(a, o + 6 * stride))
            .withLane(3, (long) LONGS.get(a, o + 7 * stride));
    // An expanding reinterpretation places its input at part -part of the result, zeros elsewhere.
    return ((LongVector) low.reinterpretShape(ROWS, 0))
        .or((LongVector) high.reinterpretShape(ROWS, -1))
        .reinterpretAsBytes();
  }

  /** The inverse of {@link #rows}. */
  private static void intoRows(ByteVector bytes, byte[] a, int o, int stride) {
    LongVector v = bytes.reinterpretAsLongs();
    LONGS.set(a, o, v.lane(0));
    LONGS.set(a, o + stride, v.lane(1));
    LONGS.set(a, o + 2 * stride, v.lane(2));
    LONGS.set(a, o + 3 * stride, v.lane(3));
    LONGS.set(a, o + 4 * stride, v.lane(4));
    LONGS.set(a, o + 5 * stride, v.lane(5));
    LONGS.set(a, o + 6 * stride, v.lane(6));
    LONGS.set(a, o + 7 * stride, v.lane(7));
  }
}
