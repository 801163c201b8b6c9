package org.excamera.worker.stage;

import org.excamera.worker.port.StitchCodec;

/** The stitch codec of this build. */
public final class StitchCodecs {
  private StitchCodecs() {}

  /**
   * The best available implementation: for now none (the decoder of issue 3 and encoder of issue 4
   * are not in this build), so x > 1 fails fast with a typed error.
   */
  public static StitchCodec available() {
    return new UnavailableStitchCodec();
  }
}
