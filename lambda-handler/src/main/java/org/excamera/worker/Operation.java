package org.excamera.worker;

/** The worker's operations, one per stage of design §2. */
public enum Operation {
  /**
   * Stage 1: encode the raw chunk with the production encoder (a key frame and N-1 interframes);
   * optionally decode it and publish its final state S_vpx for the next chunk of the batch.
   */
  ENCODE_CHUNK,
  /**
   * Stage 2 (position ≥ 1): replace the key frame by an interframe coded against the predecessor's
   * S_vpx and rebase the rest onto it; for position 1 this is final, and it publishes S_out.
   */
  ENCODE_GIVEN_STATE,
  /**
   * Stage 3 (position ≥ 2, serial): rebase the pass-1 frames onto the predecessor's S_out and
   * publish this chunk's S_out.
   */
  REBASE
}
