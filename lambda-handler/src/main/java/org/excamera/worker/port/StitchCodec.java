package org.excamera.worker.port;

/**
 * The codec operations of design §2 and §4 over IVF bytes and serialized decoder states, so the
 * stages stay free of codec types. Every operation is deterministic: same inputs, same bytes
 * (design §4.4). Codec failures surface as the codec's typed exceptions.
 */
public interface StitchCodec {
  /**
   * Decodes a whole chunk IVF that begins with a key frame (stage 1's output) and returns the
   * serialized state after its last frame, S_vpx.
   */
  byte[] finalState(byte[] ivf);

  /** Hex digest of a serialized state (design §3), to stamp and compare states across workers. */
  String digest(byte[] state);

  /** Whether {@link #encodeGivenState} and {@link #rebase} are available in this build. */
  boolean canStitch();

  /**
   * Pass 1 (design §2 step 2): replaces the key frame of {@code vpxIvf} by an interframe coded
   * against {@code predecessorVpxState} whose target is the first raw frame, and rebases the other
   * frames onto the state it leaves.
   */
  Stitched encodeGivenState(byte[] vpxIvf, byte[] predecessorVpxState, byte[] rawY4m);

  /**
   * The serial pass (design §2 step 3): rebases every frame of {@code pass1Ivf} (made against
   * {@code pass1BaseState}) onto {@code predecessorFinalState}, targets the raw frames.
   */
  Stitched rebase(
      byte[] pass1Ivf, byte[] pass1BaseState, byte[] predecessorFinalState, byte[] rawY4m);

  /** A stitched chunk: its IVF and the serialized state its last frame leaves. */
  final class Stitched {
    private final byte[] ivf;
    private final byte[] finalState;

    public Stitched(byte[] ivf, byte[] finalState) {
      this.ivf = ivf.clone();
      this.finalState = finalState.clone();
    }

    public byte[] ivf() {
      return ivf.clone();
    }

    public byte[] finalState() {
      return finalState.clone();
    }
  }
}
