/**
 * TLS for the rendezvous: PEM certificates and PKCS#8 keys read with the JDK alone, and the {@link
 * javax.net.ssl.SSLContext}s for the server (optionally requiring client certificates) and the
 * client (trusting given CA certificates or the system's, optionally presenting a certificate). TLS
 * 1.3 only.
 */
@NullMarked
package org.excamera.rendezvous.tls;

import org.jspecify.annotations.NullMarked;
