/**
 * The rendezvous wire protocol, version 2: length-prefixed frames over TCP (TLS unless explicitly
 * on loopback). Every frame starts with a 12-byte header (magic {@code EXRV}, version, type, flags,
 * body length); the reader checks the length against the type's limit before it allocates or reads
 * the body. Requests name the job, the key and the token; state bodies travel as chunks (raw or
 * deflated), each carrying the running CRC32C of the raw bytes so far, and end with the CRC32C of
 * the whole state. See the module README for the frame table and the exchanges.
 */
@NullMarked
package org.excamera.rendezvous.wire;

import org.jspecify.annotations.NullMarked;
