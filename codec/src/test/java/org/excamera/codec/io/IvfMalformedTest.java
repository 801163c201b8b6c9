package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every kind of broken IVF input gives an {@link IvfFormatException} that says where. */
class IvfMalformedTest {

  private static byte[] twoFrameFile() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IvfWriter writer = IvfWriter.to(bytes, IvfHeader.vp8(16, 16, 30, 1, 2))) {
      writer.write(0, new byte[100]);
      writer.write(1, new byte[50]);
    }
    return bytes.toByteArray();
  }

  private static IvfFormatException readAllExpectingError(byte[] file) {
    return assertThrows(
        IvfFormatException.class,
        () -> {
          try (IvfReader reader = new IvfReader(new ByteArrayInputStream(file))) {
            while (reader.next().isPresent()) {
              // drain
            }
          }
        });
  }

  @Test
  void emptyFile() {
    IvfFormatException e = readAllExpectingError(new byte[0]);
    assertTrue(Messages.of(e).contains("truncated"), Messages.of(e));
  }

  @Test
  void truncatedHeader() throws IOException {
    byte[] file = Arrays.copyOf(twoFrameFile(), 31);
    IvfFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("31 bytes"), Messages.of(e));
  }

  @Test
  void wrongSignature() throws IOException {
    byte[] file = twoFrameFile();
    file[0] = 'R';
    file[3] = 0;
    IvfFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("\"RKI\\x00\""), Messages.of(e));
  }

  @Test
  void headerLengthTooShort() throws IOException {
    byte[] file = twoFrameFile();
    file[6] = 12;
    IvfFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("header length 12"), Messages.of(e));
  }

  @Test
  void headerLengthPastEndOfFile() throws IOException {
    byte[] file = twoFrameFile();
    file[6] = (byte) 0xFF;
    file[7] = 0x7F;
    readAllExpectingError(file);
  }

  @Test
  void truncatedRecordHeaderNamesRecordAndOffset() throws IOException {
    byte[] full = twoFrameFile();
    int secondRecord = 32 + 12 + 100;
    IvfFormatException e = readAllExpectingError(Arrays.copyOf(full, secondRecord + 5));
    assertTrue(Messages.of(e).contains("record 1 at byte offset " + secondRecord), Messages.of(e));
    assertTrue(Messages.of(e).contains("5 of 12"), Messages.of(e));
  }

  @Test
  void truncatedPayloadIsNeverASilentlyShortFrame() throws IOException {
    byte[] full = twoFrameFile();
    for (int cut = 32 + 13; cut < full.length; cut++) {
      if (cut == 32 + 12 + 100) {
        continue; // a clean end after record 0
      }
      byte[] file = Arrays.copyOf(full, cut);
      IvfFormatException e = readAllExpectingError(file);
      assertTrue(Messages.of(e).contains("truncated"), "cut " + cut + ": " + Messages.of(e));
    }
  }

  @Test
  void oversizeFrameIsRejectedBeforeAllocating() throws IOException {
    byte[] file = twoFrameFile();
    // record 0 declares 0xFFFFFFF0 bytes: reading it must not try to allocate 4 GiB
    file[32] = (byte) 0xF0;
    file[33] = (byte) 0xFF;
    file[34] = (byte) 0xFF;
    file[35] = (byte) 0xFF;
    IvfFormatException e = readAllExpectingError(file);
    assertTrue(Messages.of(e).contains("record 0 at byte offset 32"), Messages.of(e));
    assertTrue(Messages.of(e).contains("4294967280"), Messages.of(e));
  }

  @Test
  void limitIsConfigurable() throws IOException {
    byte[] file = twoFrameFile();
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(file), 100)) {
      assertEquals(100, reader.next().orElseThrow().size());
      assertEquals(50, reader.next().orElseThrow().size());
    }
    try (IvfReader reader = new IvfReader(new ByteArrayInputStream(file), 99)) {
      IvfFormatException e = assertThrows(IvfFormatException.class, reader::next);
      assertTrue(Messages.of(e).contains("limit of 99"), Messages.of(e));
    }
  }

  @Test
  void randomGarbageOnlyGivesTypedErrors() throws IOException {
    long seed = 20240601L;
    Random random = new Random(seed);
    byte[] good = twoFrameFile();
    for (int trial = 0; trial < 2000; trial++) {
      byte[] file = Arrays.copyOf(good, random.nextInt(good.length + 1));
      int flips = 1 + random.nextInt(4);
      for (int k = 0; k < flips && file.length > 0; k++) {
        file[random.nextInt(Math.min(file.length, 60))] ^= (byte) (1 << random.nextInt(8));
      }
      try (IvfReader reader = new IvfReader(new ByteArrayInputStream(file), 1 << 20)) {
        while (reader.next().isPresent()) {
          // drain
        }
      } catch (IvfFormatException expected) {
        // fine: the typed error
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " trial " + trial + ": " + e, e);
      }
    }
  }
}
