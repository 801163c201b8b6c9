package org.excamera.codec;

import java.util.function.IntConsumer;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.loopfilter.LoopFilterPass;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.recon.Reconstruction;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.ProbabilityTables;
import org.excamera.codec.state.References;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.FrameParser;
import org.excamera.codec.syntax.FrameTokens;
import org.excamera.codec.syntax.MacroblockModes;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * The VP8 decoder as a pure function (RFC 6386 §5): {@code decode(state, frame)} parses the frame
 * into values, reconstructs it, loop-filters it, and derives the next state; nothing it receives is
 * changed and it keeps no state of its own, so any number of streams may be decoded at once. Output
 * is bit-exact with libvpx.
 */
public final class Vp8Decoder {
  private Vp8Decoder() {}

  /**
   * Decodes one frame.
   *
   * @throws CorruptFrameException for malformed frames
   * @throws StateMismatchException for an interframe against a state without references
   * @throws UnsupportedFeatureException for frames this decoder does not handle
   */
  public static DecodeResult decode(DecoderState state, CompressedFrame frame) {
    byte[] data = frame.data();
    FrameTokens tokens =
        FrameParser.parseModes(
            data, 0, data.length, state.probabilities(), state.segmentation(), state.dimensions());
    // The same as reconstruct(state, parse(state, frame)), but each macroblock row's tokens are
    // read just before the row is reconstructed, so its coefficients are still in cache.
    return reconstruct(state, tokens.frame(), tokens::readRow);
  }

  /** Parses a frame against a state (first half of {@link #decode}). */
  public static ParsedFrame parse(DecoderState state, CompressedFrame frame) {
    byte[] data = frame.data();
    return FrameParser.parse(
        data, 0, data.length, state.probabilities(), state.segmentation(), state.dimensions());
  }

  /** Reconstructs a parsed frame against a state (second half of {@link #decode}). */
  public static DecodeResult reconstruct(DecoderState state, ParsedFrame frame) {
    return reconstruct(state, frame, row -> {});
  }

  /** {@link #reconstruct}, calling {@code beforeRow} before each macroblock row. */
  private static DecodeResult reconstruct(
      DecoderState state, ParsedFrame frame, IntConsumer beforeRow) {
    FrameHeader h = frame.header();
    boolean key = h.keyFrame();
    Dimensions dims = key ? h.keyFrameStart().dimensions() : state.dimensions();
    if (!key && !state.references().present()) {
      throw new StateMismatchException(
          "an interframe needs references; the state has none (decode a key frame first)");
    }
    MacroblockModes modes = frame.modes();
    if (!dims.isKnown() || modes.mbCols() != dims.mbCols() || modes.mbRows() != dims.mbRows()) {
      throw new StateMismatchException(
          "frame has %dx%d macroblocks, the picture size %s needs %dx%d"
              .formatted(modes.mbCols(), modes.mbRows(), dims, dims.mbCols(), dims.mbRows()));
    }
    byte[] segmentIds = new byte[modes.count()];
    for (int i = 0; i < segmentIds.length; i++) {
      segmentIds[i] = (byte) modes.segmentId(i);
    }
    Segmentation segmentation =
        state.segmentation().updatedBy(h.segmentation(), key).withMap(segmentIds);
    FilterAdjustments adjustments =
        state.filterAdjustments().updatedBy(h.loopFilter().deltas(), key);
    PictureBuilder canvas = PictureBuilder.blank(dims);
    // Row by row as libvpx: row r is loop filtered once row r+1 is reconstructed, so intra
    // prediction still sees unfiltered neighbours and the filter works on rows still in cache.
    Reconstruction reconstruction =
        new Reconstruction(frame, segmentation, state.references(), canvas);
    LoopFilterPass loopFilter = new LoopFilterPass(frame, segmentation, adjustments, canvas);
    for (int row = 0; row < modes.mbRows(); row++) {
      beforeRow.accept(row);
      reconstruction.row(row);
      if (row > 0) {
        loopFilter.row(row - 1);
      }
    }
    loopFilter.row(modes.mbRows() - 1);
    Picture picture = canvas.freeze();
    References references = state.references().updatedBy(h, picture);
    ProbabilityTables probabilities = state.probabilities().afterFrame(h);
    DecoderState next =
        new DecoderState(dims, probabilities, segmentation, adjustments, references);
    return new DecodeResult(next, picture, h.tag().showFrame());
  }
}
