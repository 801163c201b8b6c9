/**
 * A VP8 codec in explicit state-passing style (RFC 6386): {@code decode(state, frame) -> (state',
 * picture)}, an interframe encoder given a state, and rebase. Nothing here depends on anything but
 * the JDK; every value handed out is immutable, so streams can be decoded concurrently.
 */
@NullMarked
package org.excamera.codec;

import org.jspecify.annotations.NullMarked;
