package org.excamera.codec.vpx;

import static org.excamera.codec.vpx.VpxStreams.FOREMAN;
import static org.excamera.codec.vpx.VpxStreams.WATER;
import static org.excamera.codec.vpx.VpxStreams.s;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.excamera.codec.vpx.VpxStreams.Setting;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * vpxenc streams of the shared clips with varied settings decode exactly as vpxdec decodes them
 * (per-frame md5 lines) and parse -> write reproduces each frame.
 */
class VpxencIT {
  @TempDir Path dir;

  static Stream<Setting> settings() {
    String[] excamera = {
      "--good",
      "--cpu-used=0",
      "--end-usage=cq",
      "--min-q=0",
      "--max-q=63",
      "--buf-initial-sz=10000",
      "--buf-optimal-sz=20000",
      "--buf-sz=40000",
      "--undershoot-pct=100",
      "--passes=2",
      "--auto-alt-ref=1",
      "--token-parts=0",
      "--tune=ssim",
      "--target-bitrate=4294967295"
    };
    return Stream.of(
        s("excamera-cq10", FOREMAN, 12, "", concat(excamera, "--cq-level=10")),
        s("excamera-cq32", FOREMAN, 12, "", concat(excamera, "--cq-level=32")),
        s("excamera-cq55", WATER, 12, "", concat(excamera, "--cq-level=55")),
        s(
            "altref-hidden",
            FOREMAN,
            30,
            "",
            "--good",
            "--cpu-used=2",
            "--auto-alt-ref=1",
            "--lag-in-frames=16",
            "--passes=2",
            "--end-usage=cq",
            "--cq-level=20"),
        s("error-resilient", WATER, 12, "", "--good", "--cpu-used=3", "--error-resilient=1"),
        s("token-parts-3", FOREMAN, 12, "", "--good", "--cpu-used=3", "--token-parts=3"),
        s("noise-sensitivity", WATER, 12, "", "--good", "--cpu-used=3", "--noise-sensitivity=3"),
        s("sharpness-5", FOREMAN, 12, "", "--good", "--cpu-used=3", "--sharpness=5"),
        s("static-thresh", WATER, 12, "", "--good", "--cpu-used=3", "--static-thresh=1000"),
        s("kf-max-dist-3", FOREMAN, 12, "", "--good", "--cpu-used=3", "--kf-max-dist=3"),
        s(
            "odd-size",
            FOREMAN,
            12,
            "347:281",
            "--good",
            "--cpu-used=2",
            "--end-usage=cq",
            "--cq-level=25"),
        s("tiny-odd-size", WATER, 10, "33:17", "--good", "--cpu-used=1"),
        s("realtime-low-rate", WATER, 15, "", "--rt", "--cpu-used=6", "--target-bitrate=150"),
        s(
            "high-rate-q0",
            FOREMAN,
            6,
            "",
            "--good",
            "--end-usage=q",
            "--cq-level=0",
            "--min-q=0",
            "--max-q=0"));
  }

  private static String[] concat(String[] a, String b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + 1);
    r[a.length] = b;
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void matchesVpxdec(Setting setting) throws Exception {
    VpxStreams.check(setting, dir);
  }
}
