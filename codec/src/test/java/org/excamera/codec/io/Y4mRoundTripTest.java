package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Y4mRoundTripTest {
  @TempDir Path dir;

  static RawFrame randomFrame(Random random, int w, int h) {
    byte[] i420 = new byte[(int) RawFrame.i420Size(w, h)];
    random.nextBytes(i420);
    return RawFrame.fromI420(w, h, i420);
  }

  @Test
  void oddSizedFramesRoundTripThroughAFile() throws IOException {
    long seed = 99;
    Random random = new Random(seed);
    List<RawFrame> frames = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      frames.add(randomFrame(random, 7, 5));
    }
    Path file = dir.resolve("odd.y4m");
    Y4mHeader header =
        Y4mHeader.parse("YUV4MPEG2 W7 H5 F24000:1001 It A10:11 C420paldv XFOO=1 XBAR");
    try (Y4mWriter writer = Y4mWriter.create(file, header)) {
      for (RawFrame f : frames) {
        writer.write(f);
      }
      assertEquals(4, writer.framesWritten());
    }
    try (Y4mReader reader = Y4mReader.open(file)) {
      assertEquals(header, reader.header());
      for (RawFrame expected : frames) {
        assertEquals(Optional.of(expected), reader.next(), "seed " + seed);
      }
      assertEquals(Optional.empty(), reader.next());
      assertEquals(4, reader.framesRead());
    }
  }

  @Test
  void frameParametersAreAccepted() throws IOException {
    byte[] samples = new byte[4 + 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (byte) (10 * i + 200);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(
        "YUV4MPEG2 W2 H2 F30:1\nFRAME Ip XFRAMEINFO=1\n".getBytes(StandardCharsets.US_ASCII));
    file.write(samples);
    file.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
    file.write(samples);
    try (Y4mReader reader = new Y4mReader(new ByteArrayInputStream(file.toByteArray()))) {
      RawFrame f = reader.next().orElseThrow();
      assertEquals(200, f.y(0, 0));
      assertEquals(230, f.y(1, 1));
      assertEquals(240, f.u(0, 0));
      assertEquals(250, f.v(0, 0));
      assertEquals(f, reader.next().orElseThrow());
      assertTrue(reader.next().isEmpty());
    }
  }

  @Test
  void rawFrameIsImmutableAndEqualByContent() {
    byte[] y = {1, 2, 3, 4, 5, 6};
    byte[] u = {7, 8};
    byte[] v = {9, 10};
    RawFrame f = new RawFrame(3, 2, y, u, v);
    y[0] = 100;
    assertEquals(1, f.y(0, 0));
    f.copyY()[0] = 100;
    assertEquals(1, f.y(0, 0));
    assertTrue(f.yView().isReadOnly());
    assertEquals(6, f.yView().get(5));
    assertEquals(10, f.v(1, 0));
    assertEquals(2, f.chromaWidth());
    assertEquals(1, f.chromaHeight());
    RawFrame same = RawFrame.fromI420(3, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    assertEquals(same, f);
    assertEquals(same.hashCode(), f.hashCode());
    assertNotEquals(RawFrame.filled(3, 2, 1, 7, 9), f);
    assertEquals(List.of((byte) 1, (byte) 10), List.of(f.toI420()[0], f.toI420()[9]));
    assertThrows(IllegalArgumentException.class, () -> new RawFrame(3, 2, y, u, new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> RawFrame.fromI420(3, 2, new byte[9]));
  }

  @Test
  void writerRejectsFrameOfAnotherSize() throws IOException {
    try (Y4mWriter writer =
        new Y4mWriter(new ByteArrayOutputStream(), Y4mHeader.i420(4, 4, 30, 1))) {
      assertThrows(
          IllegalArgumentException.class, () -> writer.write(RawFrame.filled(2, 4, 0, 0, 0)));
    }
  }
}
