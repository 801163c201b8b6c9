package org.excamera.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * One object in blob storage, named by an absolute URI: {@code file:///abs/path} or {@code
 * s3://bucket/key}. Serialized as the bare URI string.
 */
public record BlobRef(String uri) {
  public BlobRef {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("blob reference is empty");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("blob reference is not a URI: " + uri, e);
    }
    String scheme = parsed.getScheme();
    if ("file".equals(scheme)) {
      if (parsed.getPath() == null || !parsed.getPath().startsWith("/")) {
        throw new IllegalArgumentException("file blob reference needs an absolute path: " + uri);
      }
    } else if ("s3".equals(scheme)) {
      if (parsed.getHost() == null || parsed.getPath() == null || parsed.getPath().length() < 2) {
        throw new IllegalArgumentException("s3 blob reference needs s3://bucket/key: " + uri);
      }
    } else {
      throw new IllegalArgumentException("blob reference must be file:// or s3://, got: " + uri);
    }
  }

  /** Parses a URI string (the JSON form). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static BlobRef parse(String uri) {
    return new BlobRef(uri);
  }

  /** A reference to a local file. */
  public static BlobRef of(Path file) {
    return new BlobRef(file.toAbsolutePath().normalize().toUri().toString());
  }

  @JsonValue
  @Override
  public String uri() {
    return uri;
  }

  /** {@code file} or {@code s3}. */
  public String scheme() {
    return uri.substring(0, uri.indexOf(':'));
  }

  public URI toUri() {
    return URI.create(uri);
  }

  /** The referenced local file; only for {@code file:} references. */
  public Path toPath() {
    if (!"file".equals(scheme())) {
      throw new IllegalStateException("not a file reference: " + uri);
    }
    return Path.of(toUri());
  }

  /** The child {@code name} (one or more '/'-separated segments) under this reference. */
  public BlobRef resolve(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("..")) {
      throw new IllegalArgumentException("bad child name: " + name);
    }
    return new BlobRef(uri.endsWith("/") ? uri + name : uri + "/" + name);
  }

  @Override
  public String toString() {
    return uri;
  }
}
