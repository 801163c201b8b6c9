package org.excamera.codec.io;

/** Quotes untrusted header text for error messages: at most 40 characters, controls escaped. */
final class Printable {
  private Printable() {}

  static String abbreviate(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : "\\x%02x".formatted((int) c));
    }
    return out.toString();
  }
}
