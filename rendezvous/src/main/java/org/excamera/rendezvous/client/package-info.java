/**
 * The rendezvous client used by workers: {@link
 * org.excamera.rendezvous.client.RendezvousClient#publish}, {@link
 * org.excamera.rendezvous.client.RendezvousClient#fetch} and {@link
 * org.excamera.rendezvous.client.RendezvousClient#deleteJob}. It reconnects with backoff, resumes a
 * wait after a lost connection, and verifies every state against its SHA-256 digest. JDK only (plus
 * SLF4J), so it stays small inside a Lambda package.
 */
@NullMarked
package org.excamera.rendezvous.client;

import org.jspecify.annotations.NullMarked;
