package org.excamera.rendezvous.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** Builds the SSL contexts of the server and the client from PEM material. */
public final class TlsContexts {
  /** The only protocol offered. */
  public static final String PROTOCOL = "TLSv1.3";

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /**
   * The server's context: its certificate chain and key; with {@code clientCas}, the certificates
   * it trusts for client certificates (mutual TLS).
   */
  public static SSLContext server(Path certChain, Path key, @Nullable Path clientCas)
      throws IOException {
    return context(
        keyManagers(Pem.readCertificates(certChain), Pem.readPrivateKey(key)),
        clientCas == null ? null : trustManagers(Pem.readCertificates(clientCas)));
  }

  /**
   * The client's context: trusts {@code trustedCas} (or, if null, the JDK's default CAs) and
   * presents {@code clientChain}/{@code clientKey} when both are given.
   */
  public static SSLContext client(
      @Nullable List<X509Certificate> trustedCas,
      @Nullable List<X509Certificate> clientChain,
      @Nullable PrivateKey clientKey)
      throws IOException {
    KeyManager[] km =
        clientChain != null && clientKey != null ? keyManagers(clientChain, clientKey) : null;
    return context(km, trustedCas == null ? null : trustManagers(trustedCas));
  }

  /**
   * The client's context from PEM files; any may be null (see {@link #client(List, List,
   * PrivateKey)}).
   */
  public static SSLContext clientFromFiles(
      @Nullable Path trustedCas, @Nullable Path clientChain, @Nullable Path clientKey)
      throws IOException {
    return client(
        trustedCas == null ? null : Pem.readCertificates(trustedCas),
        clientChain == null ? null : Pem.readCertificates(clientChain),
        clientKey == null ? null : Pem.readPrivateKey(clientKey));
  }

  private static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key)
      throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("key", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, NO_PASSWORD);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IOException("certificate and key do not form a usable key entry: " + e, e);
    }
  }

  private static TrustManager[] trustManagers(List<X509Certificate> cas) throws IOException {
    try {
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      int i = 0;
      for (X509Certificate c : cas) {
        ts.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IOException("unusable trusted certificates: " + e, e);
    }
  }

  private static SSLContext context(KeyManager @Nullable [] km, TrustManager @Nullable [] tm)
      throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance(PROTOCOL);
      ctx.init(km, tm, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS 1.3 is unavailable: " + e, e);
    }
  }
}
