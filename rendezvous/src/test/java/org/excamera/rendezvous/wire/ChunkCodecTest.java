package org.excamera.rendezvous.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.testing.Payloads;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
  private static final int AT = Protocol.CHUNK_HEADER_BYTES;

  /** Encodes {@code src} as one chunk and decodes it both ways (into bytes, into a checksum). */
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
    assertEquals(Crc32c.of(src), c.runningCrc());
    byte[] back = new byte[src.length];
    try (ChunkDecoder dec = new ChunkDecoder()) {
      if (c.deflated()) {
        dec.inflate(body, AT, c.encodedLength(), back, 0, c.rawLength());
        CRC32C crc = new CRC32C();
        dec.begin();
        for (int off = 0; off < c.encodedLength(); off += 777) {
          int n = Math.min(777, c.encodedLength() - off);
          dec.feed(
              crc, ByteBuffer.wrap(body, AT + off, n), c.rawLength(), ByteBuffer.allocate(1000));
        }
        dec.end(c.rawLength());
        assertEquals(Crc32c.of(src), Crc32c.of(crc));
      } else {
        System.arraycopy(body, AT, back, 0, c.rawLength());
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
  void eachFrameCarriesTheChecksumOfEverythingSoFar() throws Exception {
    byte[] state = Payloads.of(4, 250_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkEncoder enc = new ChunkEncoder(new FrameWriter(out), false)) {
      enc.writeChunk(state, 0, 100_000);
      enc.writeChunk(state, 100_000, 150_000);
      assertEquals(Crc32c.of(state), enc.checksum());
    }
    FrameReader r = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
    byte[] body = new byte[Protocol.MAX_DATA_BODY];
    FrameHeader h = r.readHeaderOrThrow();
    r.readFully(body, 0, h.length());
    assertEquals(
        Crc32c.of(java.util.Arrays.copyOf(state, 100_000)),
        ChunkHeader.parse(body, 0, h.length()).runningCrc());
    h = r.readHeaderOrThrow();
    r.readFully(body, 0, h.length());
    assertEquals(Crc32c.of(state), ChunkHeader.parse(body, 0, h.length()).runningCrc());
  }

  @Test
  void chunkHeadersAreChecked() {
    byte[] b = {0, 0, 0, 0, 10, 0, 0, 0, 0};
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(b, 0, AT + 9));
    int over = Protocol.CHUNK_RAW_BYTES + 1;
    byte[] tooBig = {
      0, (byte) (over >>> 24), (byte) (over >>> 16), (byte) (over >>> 8), (byte) over, 0, 0, 0, 0
    };
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(tooBig, 0, AT + over));
    byte[] unknown = {7, 0, 0, 0, 1, 0, 0, 0, 0};
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(unknown, 0, AT + 1));
    assertThrows(WireFormatException.class, () -> ChunkHeader.parse(b, 0, AT - 1));
  }

  @Test
  void deflatedChunksMustInflateToExactlyTheirLength() throws Exception {
    byte[] smooth = Payloads.of(3, 50_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkEncoder enc = new ChunkEncoder(new FrameWriter(out), true)) {
      enc.writeChunk(smooth, 0, smooth.length);
    }
    byte[] frame = out.toByteArray();
    int start = Protocol.HEADER_BYTES + AT;
    int encoded = frame.length - start;
    try (ChunkDecoder dec = new ChunkDecoder()) {
      byte[] dst = new byte[60_000];
      assertThrows(
          WireFormatException.class, () -> dec.inflate(frame, start, encoded, dst, 0, 49_999));
      assertThrows(
          WireFormatException.class, () -> dec.inflate(frame, start, encoded, dst, 0, 50_001));
      assertThrows(
          WireFormatException.class,
          () -> {
            dec.begin();
            dec.feed(
                new CRC32C(),
                ByteBuffer.wrap(frame, start, encoded),
                49_999,
                ByteBuffer.allocateDirect(512));
          });
      dec.begin();
      dec.feed(
          new CRC32C(),
          ByteBuffer.wrap(frame, start, encoded - 1),
          50_000,
          ByteBuffer.allocate(512));
      assertThrows(WireFormatException.class, () -> dec.end(50_000), "a truncated chunk");
      byte[] corrupt = frame.clone();
      for (int i = start; i < start + 23; i++) {
        corrupt[i] ^= (byte) 0x5A;
      }
      assertThrows(
          WireFormatException.class, () -> dec.inflate(corrupt, start, encoded, dst, 0, 50_000));
    }
  }
}
