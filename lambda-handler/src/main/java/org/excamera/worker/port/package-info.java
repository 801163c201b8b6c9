/**
 * The interfaces the worker's stages need and nothing else: {@link
 * org.excamera.worker.port.BlobStore} (chunks and outputs), {@link
 * org.excamera.worker.port.StateExchange} (decoder states between neighbouring chunks, the
 * rendezvous of design §5), {@link org.excamera.worker.port.ChunkEncoder} (stage 1), {@link
 * org.excamera.worker.port.StitchCodec} (decode-to-state, encode-given-state, rebase over IVF bytes
 * and serialized states) and {@link org.excamera.worker.port.Clock}. Stages never see AWS or
 * Temporal types.
 */
@NullMarked
package org.excamera.worker.port;

import org.jspecify.annotations.NullMarked;
