package org.excamera.worker.stage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.EncoderSettings;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.encode.ChunkReencoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfHeader;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.IvfWriter;
import org.excamera.codec.io.RawFrame;
import org.excamera.codec.io.Y4mReader;
import org.excamera.worker.OutputMismatchException;
import org.excamera.worker.port.StitchCodec;

/**
 * The stitch operations over {@code org.excamera.codec} (design §2–§4), on IVF bytes and serialized
 * {@link DecoderState}s: decode a chunk to its final state; pass 1 and the serial pass are both the
 * {@code xc-enc} chunk operation ({@link ChunkReencoder}): a leading key frame is replaced by
 * encode-given-state ({@link Vp8Encoder#encodeInterframe}, quantizer blended with the next frame's
 * at weight 0.75), every interframe is rebased onto the current state, the last one refreshing all
 * three references. Frames keep their IVF timestamps.
 */
public final class CodecStitchCodec implements StitchCodec {
  @Override
  public byte[] finalState(byte[] ivf) {
    DecoderState s = DecoderState.initial();
    for (IvfFrame f : Chunk.read(ivf).frames()) {
      s = Vp8Decoder.decode(s, CompressedFrame.of(f.data())).next();
    }
    return s.serialize();
  }

  @Override
  public String digest(byte[] state) {
    return DecoderState.deserialize(state).digest();
  }

  @Override
  public boolean canStitch() {
    return true;
  }

  @Override
  public Stitched encodeGivenState(byte[] vpxIvf, byte[] predecessorVpxState, byte[] rawY4m) {
    return reencode(
        DecoderState.deserialize(predecessorVpxState), DecoderState.initial(), vpxIvf, rawY4m);
  }

  @Override
  public Stitched rebase(
      byte[] pass1Ivf, byte[] pass1BaseState, byte[] predecessorFinalState, byte[] rawY4m) {
    return reencode(
        DecoderState.deserialize(predecessorFinalState),
        DecoderState.deserialize(pass1BaseState),
        pass1Ivf,
        rawY4m);
  }

  /** Re-encodes PRED (made against {@code predState}) onto {@code state}, targets the raw chunk. */
  private static Stitched reencode(
      DecoderState state, DecoderState predState, byte[] predIvf, byte[] rawY4m) {
    Chunk pred = Chunk.read(predIvf);
    List<CompressedFrame> frames = new ArrayList<>();
    for (IvfFrame f : pred.frames()) {
      frames.add(CompressedFrame.of(f.data()));
    }
    ChunkReencoder.Output out =
        ChunkReencoder.run(
            state, predState, frames, raw(rawY4m), EncoderSettings.DEFAULT_KEY_FRAME_WEIGHT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IvfWriter w = IvfWriter.to(bytes, pred.header().withFrameCount(out.frames().size()))) {
      for (int i = 0; i < out.frames().size(); i++) {
        w.write(pred.frames().get(i).pts(), out.frames().get(i).toByteArray());
      }
    } catch (IOException e) {
      throw new AssertionError("writing to memory cannot fail", e);
    }
    return new Stitched(bytes.toByteArray(), out.finalState().serialize());
  }

  private static List<RawFrame> raw(byte[] y4m) {
    List<RawFrame> frames = new ArrayList<>();
    try (Y4mReader in = new Y4mReader(new ByteArrayInputStream(y4m))) {
      for (Optional<RawFrame> f = in.next(); f.isPresent(); f = in.next()) {
        frames.add(f.get());
      }
    } catch (IOException e) {
      throw new OutputMismatchException("raw chunk is not a readable Y4M: " + e.getMessage());
    }
    return frames;
  }

  /** An IVF chunk in memory. */
  private record Chunk(IvfHeader header, List<IvfFrame> frames) {
    static Chunk read(byte[] ivf) {
      List<IvfFrame> frames = new ArrayList<>();
      try (IvfReader r = new IvfReader(new ByteArrayInputStream(ivf))) {
        for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
          frames.add(f.get());
        }
        return new Chunk(r.header(), List.copyOf(frames));
      } catch (IOException e) {
        throw new OutputMismatchException("chunk is not a readable IVF: " + e.getMessage());
      }
    }
  }
}
