/**
 * The worker's stages as plain Java (design §2): {@link org.excamera.worker.stage.EncodeChunkStage}
 * (vpxenc, then decode to S_vpx and publish), {@link
 * org.excamera.worker.stage.EncodeGivenStateStage} (pass 1) and {@link
 * org.excamera.worker.stage.RebaseStage} (the serial pass), over the ports of {@code worker.port};
 * plus {@link org.excamera.worker.stage.VpxencEncoder}, the production encoder with the design's
 * exact flags.
 */
@NullMarked
package org.excamera.worker.stage;

import org.jspecify.annotations.NullMarked;
