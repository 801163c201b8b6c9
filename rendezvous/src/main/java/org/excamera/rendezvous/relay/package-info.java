/**
 * The relay's store: jobs, their slots (one per state key), publish attempts being received, and
 * stored states on disk. Readers tail an attempt while it is received (cut-through), so a waiting
 * fetch gets the bytes as they arrive; a publish is acknowledged only after its file, its rename
 * and its directory are fsynced. Memory for payload buffers comes from a {@link
 * org.excamera.rendezvous.relay.BufferPool} with a fixed budget. See {@code server/CONCURRENCY.md}
 * for the locks.
 */
@NullMarked
package org.excamera.rendezvous.relay;

import org.jspecify.annotations.NullMarked;
