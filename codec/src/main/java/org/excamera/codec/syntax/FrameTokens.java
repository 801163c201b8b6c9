package org.excamera.codec.syntax;

import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.header.FrameHeader;

/**
 * A frame parsed up to its macroblock modes whose tokens (RFC 6386 §13) are read either all at once
 * ({@link FrameParser#parse}) or one macroblock row at a time, for a decoder that reconstructs each
 * row right after reading it: the row's coefficients then live in a buffer of one row, still in
 * cache, instead of a frame-sized array written long before it is read.
 *
 * <p>{@link #frame()} is the frame as values with a residuals view that {@link #readRow} fills in:
 * block ends and {@link Residuals#hasTokens} of every row read so far stay valid, the coefficients
 * only those of the last row read (and only before each block's end). The view is for the
 * reconstruction and loop filter of this one decode and must not escape it. Single-threaded.
 */
public final class FrameTokens {
  private final FrameHeader header;
  private final MacroblockModes modes;
  private final BoolDecoder[] partitions;
  private final int[] probs;
  private final TokenReader reader;
  private final short[] rowCoeffs;
  private final int[] base;
  private final byte[] ends;
  private final ParsedFrame frame;
  private int nextRow;

  FrameTokens(FrameHeader header, MacroblockModes modes, BoolDecoder[] partitions, int[] probs) {
    this.header = header;
    this.modes = modes;
    this.partitions = partitions;
    this.probs = probs;
    this.reader = new TokenReader(partitions, probs, modes);
    int n = modes.count();
    this.rowCoeffs = new short[modes.mbCols * Residuals.MB_COEFFS];
    this.base = new int[n];
    this.ends = new byte[n * Residuals.BLOCKS];
    this.frame = new ParsedFrame(header, modes, new Residuals(n, rowCoeffs, base, ends));
  }

  /** The whole frame, its tokens read all at once (before any {@link #readRow}). */
  ParsedFrame readAll() {
    if (nextRow != 0) {
      throw new IllegalStateException("rows already read: " + nextRow);
    }
    nextRow = modes.mbRows;
    return new ParsedFrame(header, modes, TokenReader.read(partitions, probs, modes));
  }

  /** The frame with the row-by-row residuals view (see the class comment). */
  public ParsedFrame frame() {
    return frame;
  }

  /**
   * Reads the tokens of macroblock row {@code row}, which must be the next one.
   *
   * @throws org.excamera.codec.CorruptFrameException if a token partition ran out
   */
  public void readRow(int row) {
    if (row != nextRow || row >= modes.mbRows) {
      throw new IllegalStateException("row %d read, row %d expected".formatted(row, nextRow));
    }
    reader.readRow(row, rowCoeffs, 0, base, ends);
    nextRow++;
    if (nextRow == modes.mbRows) {
      reader.checkPartitions();
    }
  }
}
