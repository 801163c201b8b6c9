/** Test helpers for the rendezvous: a loopback server, payloads, a fake clock, certificates. */
@NullMarked
package org.excamera.rendezvous.testing;

import org.jspecify.annotations.NullMarked;
