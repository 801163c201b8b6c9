package org.excamera.worker.stage;

import org.excamera.worker.port.StitchCodec;

/** The stitch codec of this build. */
public final class StitchCodecs {
  private StitchCodecs() {}

  /** The codec operations of {@code org.excamera.codec}: decode, encode-given-state, rebase. */
  public static StitchCodec available() {
    return new CodecStitchCodec();
  }
}
