package org.excamera.rendezvous.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM: X.509 certificates and unencrypted PKCS#8 private keys (RSA, EC or Ed25519). */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Pem() {}

  /** The certificates in a PEM file, in order (a chain starts with the leaf). */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    return certificates(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /** The certificates in PEM text. */
  public static List<X509Certificate> certificates(String pem, String source) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      Matcher m = BLOCK.matcher(pem);
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE")) {
          byte[] der = Base64.getMimeDecoder().decode(m.group(2));
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new IOException(source + ": unreadable certificate: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IOException(source + ": no PEM CERTIFICATE block");
    }
    return out;
  }

  /** The private key in a PEM file. */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    return privateKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /** The private key in PEM text ({@code BEGIN PRIVATE KEY}, i.e. unencrypted PKCS#8). */
  public static PrivateKey privateKey(String pem, String source) throws IOException {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("PRIVATE KEY")) {
        byte[] der;
        try {
          der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
          throw new IOException(source + ": private key is not base64", e);
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
          try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
          } catch (InvalidKeySpecException e) {
            // try the next algorithm
          } catch (GeneralSecurityException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
          }
        }
        throw new IOException(source + ": PKCS#8 key is neither RSA, EC nor Ed25519");
      }
      if (type.endsWith("PRIVATE KEY")) {
        throw new IOException(
            source
                + ": "
                + type
                + " is not supported; convert it to PKCS#8 with"
                + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem`");
      }
    }
    throw new IOException(source + ": no PEM PRIVATE KEY block");
  }
}
