package org.excamera.worker;

/** The chunk encoder of stage 1: libvpx's {@code vpxenc}, or the Java chunk encoder (issue 4). */
public enum EncoderKind {
  VPXENC,
  JAVA
}
