package org.excamera.codec.encode;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.EncodeResult;
import org.excamera.codec.EncoderSettings;
import org.excamera.codec.Rebaser;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.Vp8Encoder;
import org.excamera.codec.header.QuantIndices;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * The chunk operation of ExCamera's {@code xc-enc} (design §2, issue 4 item 7): re-encodes a
 * prediction stream PRED onto a state S. PRED is decoded from its own state S0 to get each frame's
 * parsed form; a leading key frame is replaced by an interframe coded against S by
 * encode-given-state (its quantizer blended with the next frame's); every interframe is rebased
 * onto the current state, the last one refreshing all three references; each frame's target is the
 * next raw frame (a hidden frame's target is its own picture as PRED decodes it, so frames never
 * shift). Key frames after the first are kept as they are. The state advances only by decoding the
 * frames written.
 */
public final class ChunkReencoder {
  private ChunkReencoder() {}

  /** Encode-given-state, as the key-frame replacement needs it. */
  @FunctionalInterface
  public interface KeyFrameReplacement {
    /**
     * An interframe coded against {@code state} with target {@code target}, refreshing all three
     * references, with {@code settings}.
     */
    EncodeResult encode(DecoderState state, RawFrame target, EncoderSettings settings);
  }

  /** ExCamera's replacement: {@link Vp8Encoder#encodeInterframe} (design §4.1). */
  public static final KeyFrameReplacement ENCODE_GIVEN_STATE = Vp8Encoder::encodeInterframe;

  /**
   * {@link #run(DecoderState, DecoderState, List, List, double, KeyFrameReplacement)} with {@link
   * #ENCODE_GIVEN_STATE}.
   */
  public static Output run(
      DecoderState state,
      DecoderState predState,
      List<CompressedFrame> pred,
      List<RawFrame> raw,
      double kfWeight) {
    return run(state, predState, pred, raw, kfWeight, ENCODE_GIVEN_STATE);
  }

  /** A re-encoded chunk: the frames (one per PRED frame used) and the final state. */
  public record Output(List<CompressedFrame> frames, DecoderState finalState) {
    public Output {
      frames = List.copyOf(frames);
    }
  }

  /**
   * Re-encodes the first PRED frames that cover {@code raw} (one shown frame per raw frame).
   *
   * @param state S, the state the output continues from
   * @param predState S0, the state PRED was encoded against
   * @param kfWeight weight of the key frame's {@code y_ac_qi} in the replacement's quantizer
   * @throws IllegalArgumentException if PRED has fewer shown frames than {@code raw}
   */
  public static Output run(
      DecoderState state,
      DecoderState predState,
      List<CompressedFrame> pred,
      List<RawFrame> raw,
      double kfWeight,
      KeyFrameReplacement replacement) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("no raw frames");
    }
    if (!(kfWeight >= 0 && kfWeight <= 1)) {
      throw new IllegalArgumentException("key frame weight must be in 0..1: " + kfWeight);
    }
    List<ParsedFrame> parsed = new ArrayList<>();
    List<RawFrame> targets = new ArrayList<>();
    DecoderState ps = predState;
    int shown = 0;
    for (int i = 0; i < pred.size() && shown < raw.size(); i++) {
      ParsedFrame p = Vp8Decoder.parse(ps, pred.get(i));
      DecodeResult d = Vp8Decoder.reconstruct(ps, p);
      parsed.add(p);
      if (d.shown()) {
        targets.add(raw.get(shown++));
      } else {
        targets.add(
            RawFrame.fromI420(d.picture().width(), d.picture().height(), d.picture().toI420()));
      }
      ps = d.next();
    }
    if (shown < raw.size()) {
      throw new IllegalArgumentException(
          "PRED has %d shown frames, the raw chunk %d".formatted(shown, raw.size()));
    }
    List<CompressedFrame> out = new ArrayList<>();
    DecoderState s = state;
    for (int i = 0; i < parsed.size(); i++) {
      ParsedFrame p = parsed.get(i);
      boolean last = i == parsed.size() - 1;
      if (p.header().keyFrame()) {
        if (i == 0) {
          QuantIndices q = p.header().quantIndices();
          int next = parsed.size() > 1 ? parsed.get(1).header().quantIndices().yAcQi() : q.yAcQi();
          EncodeResult e =
              replacement.encode(
                  s, targets.get(i), EncoderSettings.replacingKeyFrame(q, next, kfWeight));
          out.add(e.frame());
          s = e.next();
        } else {
          CompressedFrame f = pred.get(i);
          out.add(f);
          s = Vp8Decoder.decode(s, f).next();
        }
        continue;
      }
      EncodeResult e = Rebaser.rebase(s, p, targets.get(i), last);
      out.add(e.frame());
      s = e.next();
    }
    return new Output(out, s);
  }
}
