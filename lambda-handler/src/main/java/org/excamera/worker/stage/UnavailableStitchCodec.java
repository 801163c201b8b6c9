package org.excamera.worker.stage;

import org.excamera.worker.UnsupportedStageException;
import org.excamera.worker.port.StitchCodec;

/**
 * The stitch codec of a build without the codec operations: every operation is an {@link
 * UnsupportedStageException}. Naive ExCamera[N,1] never calls it.
 */
public final class UnavailableStitchCodec implements StitchCodec {
  private static final String WHY =
      "not available in this build: stitching needs the VP8 decoder (issue 3) and encoder (issue 4)";

  @Override
  public byte[] finalState(byte[] ivf) {
    throw new UnsupportedStageException("decode to state " + WHY);
  }

  @Override
  public String digest(byte[] state) {
    throw new UnsupportedStageException("state digest " + WHY);
  }

  @Override
  public boolean canStitch() {
    return false;
  }

  @Override
  public Stitched encodeGivenState(byte[] vpxIvf, byte[] predecessorVpxState, byte[] rawY4m) {
    throw new UnsupportedStageException("encode-given-state " + WHY);
  }

  @Override
  public Stitched rebase(
      byte[] pass1Ivf, byte[] pass1BaseState, byte[] predecessorFinalState, byte[] rawY4m) {
    throw new UnsupportedStageException("rebase " + WHY);
  }
}
