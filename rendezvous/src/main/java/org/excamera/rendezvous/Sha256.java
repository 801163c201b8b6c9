package org.excamera.rendezvous;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest of a state's raw bytes: how states are compared and verified end to end. */
public final class Sha256 {
  /** Digest length in bytes. */
  public static final int BYTES = 32;

  private final byte[] bytes;

  private Sha256(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 digest bytes (copied). */
  public static Sha256 of(byte[] digest) {
    if (digest.length != BYTES) {
      throw new IllegalArgumentException("SHA-256 digest must be 32 bytes, got " + digest.length);
    }
    return new Sha256(digest.clone());
  }

  /** The digest of {@code data}. */
  public static Sha256 digest(byte[] data) {
    MessageDigest md = newDigest();
    md.update(data);
    return new Sha256(md.digest());
  }

  /** A fresh SHA-256 {@link MessageDigest}. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is part of every JDK", e);
    }
  }

  /** A copy of the 32 digest bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256 other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "sha256:" + hex();
  }
}
