package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Y4mHeaderTest {

  @Test
  void parsesFfmpegHeader() {
    Y4mHeader h =
        Y4mHeader.parse(
            "YUV4MPEG2 W480 H360 F30000:1001 Ip A1:1 C420mpeg2 XYSCSS=420MPEG2 XCOLORRANGE=LIMITED");
    assertEquals(480, h.width());
    assertEquals(360, h.height());
    assertEquals(30000, h.frameRateNumerator());
    assertEquals(1001, h.frameRateDenominator());
    assertEquals('p', h.interlace());
    assertEquals(1, h.aspectNumerator());
    assertEquals(1, h.aspectDenominator());
    assertEquals(Optional.of("420mpeg2"), h.colourTag());
    assertEquals(List.of("YSCSS=420MPEG2", "COLORRANGE=LIMITED"), h.xParameters());
    assertEquals(h, Y4mHeader.parse(h.toLine()));
    assertEquals(
        "YUV4MPEG2 W480 H360 F30000:1001 Ip A1:1 C420mpeg2 XYSCSS=420MPEG2 XCOLORRANGE=LIMITED",
        h.toLine());
  }

  @ParameterizedTest
  @ValueSource(strings = {"C420jpeg", "C420", "C420paldv", "C420mpeg2", ""})
  void everyI420ColourTagIsAccepted(String tag) {
    Y4mHeader h = Y4mHeader.parse("YUV4MPEG2 W7 H5 F25:1 " + tag);
    assertEquals(tag.isEmpty() ? Optional.empty() : Optional.of(tag.substring(1)), h.colourTag());
    assertEquals(7 * 5 + 2 * 4 * 3, h.frameBytes());
    assertEquals(h, Y4mHeader.parse(h.toLine()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C444",
        "C422",
        "Cmono",
        "C411",
        "C444alpha",
        "C420p10",
        "C420p12",
        "C",
        "C420JPEG"
      })
  void otherChromaIsUnsupported(String tag) {
    Y4mFormatException e =
        assertThrows(Y4mFormatException.class, () -> Y4mHeader.parse("YUV4MPEG2 W8 H8 " + tag));
    assertTrue(Messages.of(e).contains("unsupported chroma " + tag), Messages.of(e));
  }

  @ParameterizedTest
  @ValueSource(chars = {'p', 't', 'b', 'm', '?'})
  void everyInterlaceModeIsAccepted(char mode) {
    assertEquals(mode, Y4mHeader.parse("YUV4MPEG2 W8 H8 I" + mode).interlace());
  }

  @Test
  void defaultsWhenOptionalTagsAreMissing() {
    Y4mHeader h = Y4mHeader.parse("YUV4MPEG2 H2 W3");
    assertEquals(3, h.width());
    assertEquals(2, h.height());
    assertEquals(0, h.frameRateNumerator());
    assertEquals(0, h.frameRateDenominator());
    assertEquals('?', h.interlace());
    assertEquals(0, h.aspectNumerator());
    assertEquals(Optional.empty(), h.colourTag());
    assertEquals(List.of(), h.xParameters());
  }

  @Test
  void aspectAndUnknownValues() {
    Y4mHeader h = Y4mHeader.parse("YUV4MPEG2 W8 H8 F0:0 A128:117");
    assertEquals(128, h.aspectNumerator());
    assertEquals(117, h.aspectDenominator());
    assertEquals(0, h.frameRateDenominator());
  }

  @Test
  void doubledSpacesAreTolerated() {
    assertEquals(8, Y4mHeader.parse("YUV4MPEG2  W8  H9 ").width());
  }

  @Test
  void minimalHeaderIsValid() {
    Y4mHeader h = Y4mHeader.i420(352, 288, 30000, 1001);
    assertEquals("YUV4MPEG2 W352 H288 F30000:1001 Ip A1:1 C420jpeg", h.toLine());
    assertEquals(h, Y4mHeader.parse(h.toLine()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "YUV4MPEG W8 H8",
        "YUV4MPEG2W8 H8",
        "yuv4mpeg2 W8 H8",
        "YUV4MPEG2 H8",
        "YUV4MPEG2 W8",
        "YUV4MPEG2 W0 H8",
        "YUV4MPEG2 W8 H-1",
        "YUV4MPEG2 W8 H",
        "YUV4MPEG2 Wabc H8",
        "YUV4MPEG2 W16385 H8",
        "YUV4MPEG2 W8 H99999999999",
        "YUV4MPEG2 W8 H8 F30",
        "YUV4MPEG2 W8 H8 F30:0",
        "YUV4MPEG2 W8 H8 F:1",
        "YUV4MPEG2 W8 H8 A1:0",
        "YUV4MPEG2 W8 H8 Ix",
        "YUV4MPEG2 W8 H8 Ipp",
        "YUV4MPEG2 W8 H8 Z1",
        "YUV4MPEG2 W8 H8 \u00b2"
      })
  void badHeadersGiveTypedErrors(String line) {
    Y4mFormatException e = assertThrows(Y4mFormatException.class, () -> Y4mHeader.parse(line));
    assertTrue(Messages.of(e).startsWith("Y4M header at byte offset 0: "), Messages.of(e));
  }

  @Test
  void missingDimensionIsNamed() {
    Y4mFormatException e =
        assertThrows(Y4mFormatException.class, () -> Y4mHeader.parse("YUV4MPEG2 W8 F30:1"));
    assertTrue(Messages.of(e).contains("missing H"), Messages.of(e));
  }

  @Test
  void constructorRejectsInvalidValues() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Y4mHeader(8, 8, 30, 1, 'p', 1, 1, "444", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Y4mHeader(8, 8, 30, 1, 'p', 1, 1, "", List.of("A B")));
    assertThrows(IllegalArgumentException.class, () -> Y4mHeader.i420(0, 8, 30, 1));
  }
}
