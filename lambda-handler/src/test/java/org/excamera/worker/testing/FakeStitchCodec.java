package org.excamera.worker.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.excamera.worker.port.StitchCodec;

/**
 * A stitch codec that only moves bytes: states are labels, stitched chunks are fake IVFs of inter
 * frames. Lets tests drive the stitching stages and the state exchange without a codec.
 */
public final class FakeStitchCodec implements StitchCodec {
  private final int frames;

  public FakeStitchCodec(int frames) {
    this.frames = frames;
  }

  @Override
  public byte[] finalState(byte[] ivf) {
    return ("vpx-state-" + ivf.length).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String digest(byte[] state) {
    return HexFormat.of().formatHex(state);
  }

  @Override
  public boolean canStitch() {
    return true;
  }

  @Override
  public Stitched encodeGivenState(byte[] vpxIvf, byte[] predecessorVpxState, byte[] rawY4m) {
    return new Stitched(
        FakeIvf.chunk(frames, false, 1),
        ("final-after-" + new String(predecessorVpxState, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Stitched rebase(
      byte[] pass1Ivf, byte[] pass1BaseState, byte[] predecessorFinalState, byte[] rawY4m) {
    return new Stitched(
        FakeIvf.chunk(frames, false, 2),
        ("rebased-after-" + new String(predecessorFinalState, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
  }
}
