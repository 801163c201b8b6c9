/**
 * The rendezvous: a relay through which neighbouring ExCamera workers exchange decoder states
 * (design §5). This package holds the values every side shares: {@link
 * org.excamera.rendezvous.StateKey} (batch, chunk, kind), per-job access tokens ({@link
 * org.excamera.rendezvous.JobTokens}), error codes and the typed exceptions clients see. The client
 * lives in {@code .client}, the server in {@code .server}, its store in {@code .relay}, the framing
 * in {@code .wire}.
 */
@NullMarked
package org.excamera.rendezvous;

import org.jspecify.annotations.NullMarked;
