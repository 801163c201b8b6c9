package org.excamera.codec.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A YUV4MPEG2 stream header: {@code YUV4MPEG2 W<w> H<h> [F<n>:<d>] [I<p|t|b|m|?>] [A<n>:<d>]
 * [C<space>] [X<anything>]...}, tags separated by spaces, ended by a newline. Only 8-bit 4:2:0 is
 * supported: the colour tags {@code C420jpeg}, {@code C420}, {@code C420paldv}, {@code C420mpeg2}
 * and no C tag all mean I420 (they differ in chroma siting, not in sample layout); any other C tag
 * is rejected. W and H are required; a missing F or A is 0:0 ("unknown"), a missing I is '?'.
 * X-parameters are kept in order so that a header written back reads the same.
 *
 * @param width luma width, 1..{@link #MAX_DIMENSION}
 * @param height luma height, 1..{@link #MAX_DIMENSION}
 * @param frameRateNumerator frames per second = numerator / denominator; 0:0 when unknown
 * @param frameRateDenominator see numerator
 * @param interlace one of {@code p t b m ?}
 * @param aspectNumerator pixel aspect ratio numerator; 0:0 when unknown
 * @param aspectDenominator see numerator
 * @param colourSpace the C tag's value without the C ({@code "420jpeg"}), or {@code ""} when the
 *     header has no C tag
 * @param xParameters the X tags' values without the X, in header order
 */
public record Y4mHeader(
    int width,
    int height,
    int frameRateNumerator,
    int frameRateDenominator,
    char interlace,
    int aspectNumerator,
    int aspectDenominator,
    String colourSpace,
    List<String> xParameters) {

  /** The largest width or height accepted (VP8's limit is 16383). */
  public static final int MAX_DIMENSION = 16384;

  static final String SIGNATURE = "YUV4MPEG2";

  private static final Set<String> I420_SPACES =
      Set.of("", "420jpeg", "420", "420paldv", "420mpeg2");
  private static final String INTERLACE_MODES = "ptbm?";

  public Y4mHeader {
    if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "Y4M size must be 1..%d each: %dx%d".formatted(MAX_DIMENSION, width, height));
    }
    checkRatio("frame rate", frameRateNumerator, frameRateDenominator);
    checkRatio("aspect", aspectNumerator, aspectDenominator);
    if (INTERLACE_MODES.indexOf(interlace) < 0) {
      throw new IllegalArgumentException("Y4M interlace must be one of p t b m ?: " + interlace);
    }
    if (!I420_SPACES.contains(colourSpace)) {
      throw new IllegalArgumentException("Y4M colour space is not 4:2:0: C" + colourSpace);
    }
    xParameters = List.copyOf(xParameters);
    for (String x : xParameters) {
      if (x.indexOf(' ') >= 0 || x.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("Y4M X-parameter contains a separator: " + x);
      }
    }
  }

  /** A minimal progressive I420 header: {@code W H F Ip A1:1 C420jpeg}. */
  public static Y4mHeader i420(int width, int height, int rateNumerator, int rateDenominator) {
    return new Y4mHeader(
        width, height, rateNumerator, rateDenominator, 'p', 1, 1, "420jpeg", List.of());
  }

  /** The C tag's value, or empty when the header has none. */
  public Optional<String> colourTag() {
    return colourSpace.isEmpty() ? Optional.empty() : Optional.of(colourSpace);
  }

  /** Bytes of one frame's samples (without the FRAME line). */
  public long frameBytes() {
    return RawFrame.i420Size(width, height);
  }

  /** The header line without its terminating newline. */
  public String toLine() {
    StringBuilder b = new StringBuilder(SIGNATURE);
    b.append(" W").append(width).append(" H").append(height);
    b.append(" F").append(frameRateNumerator).append(':').append(frameRateDenominator);
    b.append(" I").append(interlace);
    b.append(" A").append(aspectNumerator).append(':').append(aspectDenominator);
    if (!colourSpace.isEmpty()) {
      b.append(" C").append(colourSpace);
    }
    for (String x : xParameters) {
      b.append(" X").append(x);
    }
    return b.toString();
  }

  /** Parses a header line (without the newline); anything malformed or unsupported is an error. */
  public static Y4mHeader parse(String line) {
    String[] tokens = line.split(" ", -1);
    if (!tokens[0].equals(SIGNATURE)) {
      throw bad("does not start with YUV4MPEG2: " + Printable.abbreviate(line));
    }
    int width = -1;
    int height = -1;
    int[] rate = {0, 0};
    char interlace = '?';
    int[] aspect = {0, 0};
    String colour = "";
    List<String> xs = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.isEmpty()) {
        continue; // tolerate doubled spaces
      }
      String value = token.substring(1);
      switch (token.charAt(0)) {
        case 'W' -> width = dimension("W", value);
        case 'H' -> height = dimension("H", value);
        case 'F' -> rate = ratio("F", value);
        case 'A' -> aspect = ratio("A", value);
        case 'I' -> {
          if (value.length() != 1 || INTERLACE_MODES.indexOf(value.charAt(0)) < 0) {
            throw bad("bad interlace tag I" + Printable.abbreviate(value));
          }
          interlace = value.charAt(0);
        }
        case 'C' -> {
          if (value.isEmpty() || !I420_SPACES.contains(value)) {
            throw bad(
                "unsupported chroma C%s (only 8-bit 4:2:0 is supported)"
                    .formatted(Printable.abbreviate(value)));
          }
          colour = value;
        }
        case 'X' -> xs.add(value);
        default -> throw bad("unknown tag " + Printable.abbreviate(token));
      }
    }
    if (width < 0 || height < 0) {
      throw bad("missing %s tag".formatted(width < 0 ? "W (width)" : "H (height)"));
    }
    if (rate[1] == 0 && rate[0] != 0) {
      throw bad("frame rate F%d:0 has a zero denominator".formatted(rate[0]));
    }
    if (aspect[1] == 0 && aspect[0] != 0) {
      throw bad("aspect A%d:0 has a zero denominator".formatted(aspect[0]));
    }
    return new Y4mHeader(
        width, height, rate[0], rate[1], interlace, aspect[0], aspect[1], colour, xs);
  }

  private static int dimension(String tag, String value) {
    int n = number(tag, value);
    if (n <= 0 || n > MAX_DIMENSION) {
      throw bad("%s%s is outside 1..%d".formatted(tag, value, MAX_DIMENSION));
    }
    return n;
  }

  private static int[] ratio(String tag, String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw bad("%s%s is not a ratio n:d".formatted(tag, Printable.abbreviate(value)));
    }
    return new int[] {
      number(tag, value.substring(0, colon)), number(tag, value.substring(colon + 1))
    };
  }

  private static int number(String tag, String digits) {
    if (digits.isEmpty()
        || digits.length() > 9
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad("%s%s is not a number in range".formatted(tag, Printable.abbreviate(digits)));
    }
    return Integer.parseInt(digits);
  }

  private static void checkRatio(String name, int n, int d) {
    if (n < 0 || d < 0 || (d == 0 && n != 0)) {
      throw new IllegalArgumentException(
          "Y4M %s must be n:d with d > 0, or 0:0: %d:%d".formatted(name, n, d));
    }
  }

  private static Y4mFormatException bad(String what) {
    return new Y4mFormatException("Y4M header at byte offset 0: " + what);
  }
}
