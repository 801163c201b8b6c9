package org.excamera.worker;

/**
 * Which decoder state of a chunk (design §2): the state its vpxenc output leaves ({@code VPX},
 * S_vpx), or the state its final output leaves ({@code FINAL}, S_out).
 */
public enum StateKind {
  VPX,
  FINAL
}
