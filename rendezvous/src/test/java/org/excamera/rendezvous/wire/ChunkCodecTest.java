package org.excamera.rendezvous.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import org.excamera.rendezvous.Sha256;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
  /** Encodes {@code src} as one chunk and decodes it both ways (into bytes, into a digest). */
  private static ChunkHeader roundTrip(byte[] src, boolean deflate) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkEncoder enc = new ChunkEncoder(new FrameWriter(out), deflate)) {
      enc.writeChunk(src, 0, src.length);
    }
    FrameReader r = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    FrameHeader h = r.readHeaderOrThrow();
    byte[] body = new byte[h.length()];
    r.readFully(body, 0, body.length);
    ChunkHeader c = ChunkHeader.parse(body, 0, h.length());
    assertEquals(src.length, c.rawLength());
    byte[] back = new byte[src.length];
    try (ChunkDecoder dec = new ChunkDecoder()) {
      if (c.deflated()) {
        dec.inflate(body, 5, c.encodedLength(), back, 0, c.rawLength());
        MessageDigest md = Sha256.newDigest();
        dec.begin();
        for (int off = 0; off < c.encodedLength(); off += 777) {
          int n = Math.min(777, c.encodedLength() - off);
          dec.feed(md, body, 5 + off, n, c.rawLength(), new byte[1000]);
        }
        dec.end(c.rawLength());
        assertEquals(Sha256.digest(src), Sha256.of(md.digest()));
      } else {
        System.arraycopy(body, 5, back, 0, c.rawLength());
      }
    }
    assertArrayEquals(src, back);
    return c;
  }

  @Test
  void compressibleChunksAreDeflatedAndRandomOnesStayRaw() throws Exception {
    byte[] smooth = Payloads.of(1, Protocol.CHUNK_RAW_BYTES);
    ChunkHeader c = roundTrip(smooth, true);
    assertTrue(c.deflated());
    assertTrue(c.encodedLength() < smooth.length);
    byte[] noise = Payloads.random(2, 100_000);
    assertTrue(!roundTrip(noise, true).deflated(), "incompressible chunk goes raw");
    assertTrue(!roundTrip(smooth, false).deflated());
  }

  @Test
  void chunkHeadersAreChecked() {
    byte[] b = {0, 0, 0, 0, 10};
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(b, 0, 5 + 9));
    int over = Protocol.CHUNK_RAW_BYTES + 1;
    byte[] tooBig = {
      0, (byte) (over >>> 24), (byte) (over >>> 16), (byte) (over >>> 8), (byte) over
    };
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(tooBig, 0, 5 + over));
    byte[] unknown = {7, 0, 0, 0, 1};
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(unknown, 0, 6));
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(b, 0, 4));
  }

  @Test
  void deflatedChunksMustInflateToExactlyTheirLength() throws Exception {
    byte[] smooth = Payloads.of(3, 50_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkEncoder enc = new ChunkEncoder(new FrameWriter(out), true)) {
      enc.writeChunk(smooth, 0, smooth.length);
    }
    byte[] frame = out.toByteArray();
    int encoded = frame.length - 12 - 5;
    try (ChunkDecoder dec = new ChunkDecoder()) {
      byte[] dst = new byte[60_000];
      assertThrows(
          WireFormatException.class, () -> dec.inflate(frame, 17, encoded, dst, 0, 49_999));
      assertThrows(
          WireFormatException.class, () -> dec.inflate(frame, 17, encoded, dst, 0, 50_001));
      assertThrows(
          WireFormatException.class,
          () -> {
            dec.begin();
            dec.feed(Sha256.newDigest(), frame, 17, encoded, 49_999, new byte[512]);
          });
      dec.begin();
      dec.feed(Sha256.newDigest(), frame, 17, encoded - 1, 50_000, new byte[512]);
      assertThrows(WireFormatException.class, () -> dec.end(50_000), "a truncated chunk");
      byte[] corrupt = frame.clone();
      for (int i = 17; i < 40; i++) {
        corrupt[i] ^= (byte) 0x5A;
      }
      assertThrows(
          WireFormatException.class, () -> dec.inflate(corrupt, 17, encoded, dst, 0, 50_000));
    }
  }
}
