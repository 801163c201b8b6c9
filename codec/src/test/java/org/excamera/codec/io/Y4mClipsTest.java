package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.excamera.codec.testing.TestData;
import org.junit.jupiter.api.Test;

/** Reads both shared clips to the end (ffmpeg-written headers with C420mpeg2 and X tags). */
class Y4mClipsTest {

  private static long countFrames(Y4mReader reader) throws IOException {
    long n = 0;
    for (Optional<RawFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
      assertEquals(reader.header().width(), f.get().width());
      n++;
    }
    return n;
  }

  @Test
  void foreman() throws IOException {
    try (Y4mReader reader = Y4mReader.open(TestData.clip("foreman_cif_352x288_96f.y4m"))) {
      Y4mHeader h = reader.header();
      assertEquals(352, h.width());
      assertEquals(288, h.height());
      assertEquals(30000, h.frameRateNumerator());
      assertEquals(1001, h.frameRateDenominator());
      assertEquals(96, countFrames(reader));
    }
  }

  @Test
  void streamOfWater() throws IOException {
    try (Y4mReader reader = Y4mReader.open(TestData.clip("stream_of_water_480x360_48f.y4m"))) {
      Y4mHeader h = reader.header();
      assertEquals(480, h.width());
      assertEquals(360, h.height());
      assertEquals(Optional.of("420mpeg2"), h.colourTag());
      assertEquals(List.of("YSCSS=420MPEG2", "COLORRANGE=LIMITED"), h.xParameters());
      assertEquals(48, countFrames(reader));
    }
  }
}
