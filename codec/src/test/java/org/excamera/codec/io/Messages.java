package org.excamera.codec.io;

/** Null-safe exception messages for assertions. */
final class Messages {
  private Messages() {}

  static String of(Throwable e) {
    return String.valueOf(e.getMessage());
  }
}
