/**
 * The rendezvous server: accepts connections (TLS, or plaintext on loopback only), checks per-job
 * tokens, and serves PUBLISH, FETCH and DELETE_JOB over the store in {@code .relay}. One thread per
 * connection; see CONCURRENCY.md beside this file.
 */
@NullMarked
package org.excamera.rendezvous.server;

import org.jspecify.annotations.NullMarked;
