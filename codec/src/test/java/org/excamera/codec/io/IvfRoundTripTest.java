package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvfRoundTripTest {
  @TempDir Path dir;

  private static List<IvfFrame> randomFrames(long seed, int n) {
    Random random = new Random(seed);
    List<IvfFrame> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(5000)];
      random.nextBytes(data);
      frames.add(new IvfFrame(i == 3 ? (1L << 40) + 7 : i * 1001L, data));
    }
    return frames;
  }

  @Test
  void fileRoundTripFixesUpFrameCount() throws IOException {
    List<IvfFrame> frames = randomFrames(42, 17);
    Path file = dir.resolve("a.ivf");
    IvfHeader header = IvfHeader.vp8(352, 288, 30000, 1001, 0);
    try (IvfWriter writer = IvfWriter.create(file, header)) {
      for (IvfFrame f : frames) {
        writer.write(f);
      }
      assertEquals(17, writer.framesWritten());
    }
    try (IvfReader reader = IvfReader.open(file)) {
      assertEquals(header.withFrameCount(17), reader.header());
      for (IvfFrame expected : frames) {
        assertEquals(Optional.of(expected), reader.next(), "seed 42");
      }
      assertEquals(Optional.empty(), reader.next());
      assertEquals(Optional.empty(), reader.next(), "EOF is sticky");
      assertEquals(17, reader.recordsRead());
    }
    assertEquals(frames, IvfReader.readAll(file));
  }

  @Test
  void timestampsAreSixtyFourBit() throws IOException {
    Path file = dir.resolve("pts.ivf");
    long[] pts = {0, 0xFFFF_FFFFL, 1L << 32, Long.MAX_VALUE, -1};
    try (IvfWriter writer = IvfWriter.create(file, IvfHeader.vp8(16, 16, 30, 1, 5))) {
      for (long p : pts) {
        writer.write(p, new byte[] {1, 2, 3});
      }
    }
    List<IvfFrame> read = IvfReader.readAll(file);
    for (int i = 0; i < pts.length; i++) {
      assertEquals(pts[i], read.get(i).pts(), "record " + i);
    }
  }

  @Test
  void seekableChannelAtNonZeroPositionFixesUpItsOwnHeader() throws IOException {
    Path file = dir.resolve("offset.ivf");
    Files.write(file, new byte[] {9, 9, 9});
    var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.WRITE);
    channel.position(3);
    try (IvfWriter writer = IvfWriter.to(channel, IvfHeader.vp8(16, 16, 30, 1, 99))) {
      writer.write(5, new byte[] {7});
    }
    byte[] all = Files.readAllBytes(file);
    assertEquals(3 + 32 + 12 + 1, all.length);
    byte[] rest = java.util.Arrays.copyOfRange(all, 3, all.length);
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(rest))) {
      assertEquals(1, reader.header().frameCount());
      assertEquals(new IvfFrame(5, new byte[] {7}), reader.next().orElseThrow());
    }
  }

  @Test
  void plainStreamWritesTheCountAsGiven() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IvfWriter writer = IvfWriter.to(bytes, IvfHeader.vp8(16, 16, 30, 1, 5))) {
      writer.write(0, new byte[] {1});
    }
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(5, reader.header().frameCount());
      assertTrue(reader.next().isPresent());
      assertTrue(reader.next().isEmpty());
    }
  }

  @Test
  void headerBytesRoundTripEveryField() {
    IvfHeader h = new IvfHeader(3, 32, "AB\u00ffZ", 65535, 1, 0xFFFF_FFFFL, 7, 123456789L, 42);
    assertEquals(h, IvfHeader.parse(h.toBytes()));
    byte[] b = IvfHeader.vp8(320, 240, 30000, 1000, 29).toBytes();
    assertArrayEquals(
        new byte[] {'D', 'K', 'I', 'F', 0, 0, 32, 0, 'V', 'P', '8', '0', 64, 1, (byte) 240, 0},
        java.util.Arrays.copyOf(b, 16));
    assertEquals(29, b[24]);
  }

  @Test
  void longerHeaderIsSkipped() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    IvfHeader h = new IvfHeader(0, 40, "VP80", 16, 16, 30, 1, 1, 0);
    try (IvfWriter writer = IvfWriter.to(bytes, h)) {
      writer.write(11, new byte[] {4, 5});
    }
    assertEquals(40 + 12 + 2, bytes.size());
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(40, reader.header().headerLength());
      assertEquals(new IvfFrame(11, new byte[] {4, 5}), reader.next().orElseThrow());
    }
  }

  @Test
  void oneByteAtATimeStreamReadsTheSame() throws IOException {
    List<IvfFrame> frames = randomFrames(7, 5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IvfWriter writer = IvfWriter.to(bytes, IvfHeader.vp8(16, 16, 30, 1, 5))) {
      for (IvfFrame f : frames) {
        writer.write(f);
      }
    }
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    List<IvfFrame> read = new ArrayList<>();
    try (IvfReader reader = new IvfReader(trickle)) {
      for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
        read.add(f.get());
      }
    }
    assertEquals(frames, read, "seed 7");
  }

  @Test
  void frameIsImmutableAndEqualByContent() {
    byte[] data = {1, 2, 3};
    IvfFrame f = new IvfFrame(9, data);
    data[0] = 99;
    assertEquals(1, f.data()[0]);
    f.data()[1] = 42;
    assertEquals(2, f.data()[1]);
    assertEquals(new IvfFrame(9, new byte[] {1, 2, 3}), f);
    assertEquals(new IvfFrame(9, new byte[] {1, 2, 3}).hashCode(), f.hashCode());
    assertNotEquals(new IvfFrame(8, new byte[] {1, 2, 3}), f);
    assertTrue(f.buffer().isReadOnly());
    assertEquals(3, f.buffer().remaining());
  }

  @Test
  void writerRejectsUseAfterClose() throws IOException {
    IvfWriter writer = IvfWriter.to(new ByteArrayOutputStream(), IvfHeader.vp8(16, 16, 30, 1, 0));
    writer.close();
    assertThrows(IllegalStateException.class, () -> writer.write(0, new byte[1]));
  }

  @Test
  void headerRejectsOutOfRangeFields() {
    assertThrows(IllegalArgumentException.class, () -> IvfHeader.vp8(65536, 16, 30, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> IvfHeader.vp8(16, 16, 1L << 32, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new IvfHeader(0, 32, "VP8", 16, 16, 30, 1, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new IvfHeader(0, 31, "VP80", 16, 16, 30, 1, 0, 0));
  }
}
