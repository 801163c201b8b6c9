package org.excamera.rendezvous;

/**
 * How a client encodes the chunks of a state it publishes. Digests are always over the raw bytes;
 * the server stores and forwards chunks as they were sent, so readers decode whatever was chosen.
 */
public enum Compression {
  /** Raw chunks: the fastest on loopback and fast networks. */
  NONE,
  /**
   * Deflate (level 1) per chunk; a chunk that does not shrink goes raw. Pays off when the network
   * is slower than about 60 MB/s per core.
   */
  DEFLATE,
  /** {@link #NONE} towards a loopback address, {@link #DEFLATE} elsewhere. */
  AUTO
}
