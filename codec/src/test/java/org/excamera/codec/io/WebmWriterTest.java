package org.excamera.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.excamera.codec.testing.ExternalTool;
import org.excamera.codec.testing.TestData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IVF to WebM: ffmpeg demuxes the file and decodes every frame to the same pictures as the IVF (the
 * whole-stream md5 of the conformance list). 018 starts with a hidden key frame, 1439 has a hidden
 * interframe: both must stay hidden (invisible blocks), not be shown.
 */
class WebmWriterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "vp80-00-comprehensive-001",
        "vp80-00-comprehensive-018",
        "vp80-05-sharpness-1439",
        "vp80-00-comprehensive-006"
      })
  void ffmpegDecodesTheSamePictures(String stem) throws Exception {
    Path ffmpeg = ExternalTool.require("ffmpeg");
    Path ivf = TestData.vectors().resolve(stem + ".ivf");
    Path webm = dir.resolve(stem + ".webm");
    long records = WebmWriter.fromIvf(ivf, webm);
    assertEquals(countRecords(ivf), records);

    Process p =
        new ProcessBuilder(
                ffmpeg.toString(),
                "-v",
                "error",
                "-i",
                webm.toString(),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-fps_mode",
                "passthrough",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String md5;
    try (InputStream in = p.getInputStream()) {
      md5 = md5(in);
    }
    assertEquals(0, p.waitFor(), "ffmpeg exit status");
    assertEquals(expectedWholeStreamMd5(stem), md5, stem);
  }

  private static long countRecords(Path ivf) throws IOException {
    long n = 0;
    try (IvfReader r = IvfReader.open(ivf)) {
      while (r.next().isPresent()) {
        n++;
      }
    }
    return n;
  }

  private static String expectedWholeStreamMd5(String stem) throws IOException {
    List<String> lines =
        Files.readAllLines(
            TestData.vectors().resolve("whole-stream-md5.txt"), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (!line.startsWith("#") && line.contains(stem)) {
        return line.trim().split("\\s+")[0];
      }
    }
    throw new AssertionError("no whole-stream md5 for " + stem);
  }

  private static String md5(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest d = MessageDigest.getInstance("MD5");
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      d.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
