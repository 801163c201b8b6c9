package org.excamera.rendezvous.wire;

/** A validated frame header: its type and a body length within the type's limit. */
public record FrameHeader(FrameType type, int length) {}
