package org.excamera.rendezvous.wire;

/** Constants of the rendezvous wire protocol. */
public final class Protocol {
  /** First four header bytes: ASCII {@code EXRV}. */
  public static final int MAGIC = 0x45585256;

  /**
   * The protocol version this code speaks; a header with another version is refused. Version 2
   * replaced version 1's SHA-256 digests by running CRC32C checksums in every DATA frame.
   */
  public static final int VERSION = 2;

  /** Header: magic u32, version u16, type u8, flags u8, body length u32 (big-endian). */
  public static final int HEADER_BYTES = 12;

  /** Largest body of a control frame (requests, replies, errors). */
  public static final int MAX_CONTROL_BODY = 4096;

  /** Largest raw chunk of a state. */
  public static final int CHUNK_RAW_BYTES = 1024 * 1024;

  /**
   * Chunk header inside a DATA body: encoding u8, raw length u32, running CRC32C u32 (of the
   * state's raw bytes from the first chunk to the end of this one).
   */
  public static final int CHUNK_HEADER_BYTES = 9;

  /** Largest DATA body: a chunk header and at most {@link #CHUNK_RAW_BYTES} bytes. */
  public static final int MAX_DATA_BODY = CHUNK_HEADER_BYTES + CHUNK_RAW_BYTES;

  /** Longest token accepted on the wire, in characters. */
  public static final int MAX_TOKEN_CHARS = 256;

  private Protocol() {}
}
