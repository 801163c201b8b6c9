package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every kind of broken Y4M input gives a {@link Y4mFormatException} that says where. */
class Y4mMalformedTest {
  private static final String HEADER = "YUV4MPEG2 W4 H3 F30:1 Ip A0:0 C420jpeg\n";

  private static byte[] twoFrames() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Y4mWriter writer = new Y4mWriter(out, Y4mHeader.parse(HEADER.strip()))) {
      writer.write(RawFrame.filled(4, 3, 1, 2, 3));
      writer.write(RawFrame.filled(4, 3, 4, 5, 6));
    }
    return out.toByteArray();
  }

  private static Y4mFormatException readAllExpectingError(byte[] file) {
    return assertThrows(
        Y4mFormatException.class,
        () -> {
          try (Y4mReader reader = new Y4mReader(new ByteArrayInputStream(file))) {
            while (reader.next().isPresent()) {
              // drain
            }
          }
        });
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void emptyFile() {
    assertTrue(Messages.of(readAllExpectingError(new byte[0])).contains("empty file"));
  }

  @Test
  void headerWithoutNewline() {
    Y4mFormatException e = readAllExpectingError(ascii("YUV4MPEG2 W4 H3"));
    assertTrue(Messages.of(e).contains("header at byte offset 0"), Messages.of(e));
  }

  @Test
  void endlessHeaderLine() {
    byte[] file = new byte[Y4mReader.MAX_LINE + 10];
    Arrays.fill(file, (byte) 'X');
    Y4mFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("longer than"), Messages.of(e));
  }

  @Test
  void unsupportedChromaInAFile() {
    Y4mFormatException e = readAllExpectingError(ascii("YUV4MPEG2 W4 H4 C444\nFRAME\n"));
    assertTrue(Messages.of(e).contains("unsupported chroma C444"), Messages.of(e));
  }

  @Test
  void truncatedFramesNameFrameAndOffset() throws IOException {
    byte[] full = twoFrames();
    int frameBytes = 4 * 3 + 2 * 2 * 2;
    int secondFrame = HEADER.length() + 6 + frameBytes;
    assertEquals(secondFrame + 6 + frameBytes, full.length);
    for (int cut = HEADER.length() + 1; cut < full.length; cut++) {
      if (cut == secondFrame) {
        continue; // a clean end after frame 0
      }
      Y4mFormatException e = readAllExpectingError(Arrays.copyOf(full, cut));
      String frame = cut < secondFrame ? "frame 0" : "frame 1";
      assertTrue(Messages.of(e).contains(frame), "cut " + cut + ": " + Messages.of(e));
    }
    Y4mFormatException e = readAllExpectingError(Arrays.copyOf(full, secondFrame + 6 + 5));
    assertTrue(
        Messages.of(e)
            .contains(
                "frame 1 at byte offset %d: Y plane truncated (5 of 12 bytes)"
                    .formatted(secondFrame + 6)),
        Messages.of(e));
  }

  @Test
  void garbageInsteadOfFrameLine() throws IOException {
    byte[] file = twoFrames();
    file[HEADER.length() + 6 + 20] = 'G';
    Y4mFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("frame 1 at byte offset"), Messages.of(e));
    assertTrue(Messages.of(e).contains("expected a FRAME line, found \"GRAME\""), Messages.of(e));
  }

  @Test
  void frameWordMustEndTheToken() {
    Y4mFormatException e =
        readAllExpectingError(ascii("YUV4MPEG2 W2 H2\nFRAMES\n" + "\0".repeat(6)));
    assertTrue(Messages.of(e).contains("expected a FRAME line"), Messages.of(e));
  }

  @Test
  void frameAboveLimitIsRejectedAtTheHeader() throws IOException {
    byte[] file = ascii("YUV4MPEG2 W16384 H16384\nFRAME\n");
    Y4mFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("above the limit"), Messages.of(e));
    assertThrows(
        Y4mFormatException.class, () -> new Y4mReader(new ByteArrayInputStream(twoFrames()), 19));
    try (Y4mReader reader = new Y4mReader(new ByteArrayInputStream(twoFrames()), 20)) {
      assertTrue(reader.next().isPresent());
    }
  }

  @Test
  void randomMutationsOnlyGiveTypedErrors() throws IOException {
    long seed = 777;
    Random random = new Random(seed);
    byte[] good = twoFrames();
    for (int trial = 0; trial < 2000; trial++) {
      byte[] file = Arrays.copyOf(good, random.nextInt(good.length + 1));
      for (int k = 0; k < 3 && file.length > 0; k++) {
        file[random.nextInt(Math.min(file.length, HEADER.length() + 8))] ^=
            (byte) (1 << random.nextInt(8));
      }
      try (Y4mReader reader = new Y4mReader(new ByteArrayInputStream(file))) {
        while (reader.next().isPresent()) {
          // drain
        }
      } catch (Y4mFormatException expected) {
        // fine: the typed error
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " trial " + trial + ": " + e, e);
      }
    }
  }
}
