package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.excamera.codec.testing.TestData;
import org.junit.jupiter.api.Test;

/** Reads every conformance vector: headers, record counts and the first frame's key-frame tag. */
class IvfConformanceHeadersTest {

  @Test
  void readsEveryVector() throws IOException {
    List<Path> vectors;
    try (Stream<Path> files = Files.list(TestData.vectors())) {
      vectors = files.filter(p -> p.toString().endsWith(".ivf")).sorted().toList();
    }
    assertEquals(61, vectors.size());
    long records = 0;
    List<String> sizeMismatch = new ArrayList<>();
    for (Path vector : vectors) {
      String name = vector.getFileName().toString();
      IvfHeader header;
      List<IvfFrame> frames;
      try (IvfReader reader = IvfReader.open(vector)) {
        header = reader.header();
      }
      frames = IvfReader.readAll(vector);
      assertEquals("VP80", header.fourcc(), name);
      assertEquals(0, header.version(), name);
      assertTrue(header.width() > 0 && header.height() > 0, name);
      assertTrue(header.rate() > 0 && header.scale() > 0, name);
      assertEquals(header.frameCount(), frames.size(), name + ": header frame count vs records");
      // The first record is a key frame (frame tag bit 0 clear) with the start code 9d 01 2a,
      // and its 14-bit width/height match the IVF header.
      byte[] first = frames.get(0).data();
      assertEquals(0, first[0] & 1, name);
      assertEquals(0x9d, first[3] & 0xFF, name);
      assertEquals(0x01, first[4] & 0xFF, name);
      assertEquals(0x2a, first[5] & 0xFF, name);
      if (header.width() != (LittleEndian.u16(first, 6) & 0x3FFF)
          || header.height() != (LittleEndian.u16(first, 8) & 0x3FFF)) {
        sizeMismatch.add(name);
      }
      // Non-decreasing: a hidden frame (1439 record 2) shares its successor's timestamp.
      for (int i = 1; i < frames.size(); i++) {
        assertTrue(frames.get(i).pts() >= frames.get(i - 1).pts(), name + " pts order at " + i);
      }
      records += frames.size();
    }
    // 1572 shown frames plus the two hidden ones (018 record 1, 1439 record 2).
    assertEquals(1574, records);
    // 1425 changes size at key frames; its IVF header gives 352x288, its first frame 176x144.
    assertEquals(List.of("vp80-03-segmentation-1425.ivf"), sizeMismatch);
  }

  @Test
  void knownHeaderValues() throws IOException {
    try (IvfReader reader =
        IvfReader.open(TestData.vectors().resolve("vp80-00-comprehensive-008.ivf"))) {
      IvfHeader h = reader.header();
      assertEquals(1432, h.width());
      assertEquals(888, h.height());
      assertEquals(2, h.frameCount());
    }
    try (IvfReader reader =
        IvfReader.open(TestData.vectors().resolve("vp80-00-comprehensive-018.ivf"))) {
      assertEquals(29, reader.header().frameCount());
    }
  }
}
