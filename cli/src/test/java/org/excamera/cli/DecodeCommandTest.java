package org.excamera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {
  @TempDir Path dir;

  private static List<String> run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    assertEquals(0, code, err.toString());
    return out.toString().lines().toList();
  }

  @Test
  void md5LinesMatchTheConformanceFile() throws Exception {
    Path ivf = TestData.vectors().resolve("vp80-05-sharpness-1439.ivf");
    List<String> expected = Files.readAllLines(Path.of(ivf + ".md5"));
    assertEquals(expected, run("decode", ivf.toString(), "--md5"));
  }

  @Test
  void aSavedStateContinuesTheDecode() throws Exception {
    Path ivf = TestData.vectors().resolve("vp80-00-comprehensive-018.ivf");
    List<String> expected = Files.readAllLines(Path.of(ivf + ".md5"));
    Path state = dir.resolve("s.state");
    List<String> head =
        run("decode", ivf.toString(), "--md5", "--frames", "11", "--state-out", state.toString());
    // the tail file: the same IVF without its first 11 records
    Path tail = dir.resolve("vp80-00-comprehensive-018.ivf");
    byte[] all = Files.readAllBytes(ivf);
    int pos = 32;
    for (int i = 0; i < 11; i++) {
      int size = (all[pos] & 0xFF) | (all[pos + 1] & 0xFF) << 8 | (all[pos + 2] & 0xFF) << 16;
      pos += 12 + size;
    }
    byte[] cut = new byte[32 + all.length - pos];
    System.arraycopy(all, 0, cut, 0, 32);
    System.arraycopy(all, pos, cut, 32, all.length - pos);
    Files.write(tail, cut);
    List<String> rest = run("decode", tail.toString(), "--md5", "--from-state", state.toString());
    List<String> joined = new ArrayList<>(head);
    for (String line : rest) {
      // record numbers restart at 1 in the tail file
      String[] parts = line.split("-");
      int n = Integer.parseInt(parts[parts.length - 1].replace(".i420", "")) + 11;
      joined.add(line.replaceFirst("-\\d{4}\\.i420$", "-%04d.i420".formatted(n)));
    }
    assertEquals(expected, joined);
  }

  @Test
  void writesY4m() throws Exception {
    Path ivf = TestData.vectors().resolve("vp80-00-comprehensive-006.ivf");
    Path y4m = dir.resolve("out.y4m");
    run("decode", ivf.toString(), "-o", y4m.toString(), "--frames", "3");
    byte[] data = Files.readAllBytes(y4m);
    String header = new String(data, 0, 40, java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("YUV4MPEG2 W175 H143 "), header);
    int frame = 175 * 143 + 2 * 88 * 72;
    assertEquals(3, (data.length - header.indexOf('\n') - 1) / (frame + 6));
  }

  @Test
  void inspectPrintsOneLinePerRecord() {
    Path ivf = TestData.vectors().resolve("vp80-05-sharpness-1439.ivf");
    List<String> lines = run("inspect", ivf.toString());
    assertEquals(16, lines.size());
    assertTrue(lines.get(1).startsWith("2 inter hidden "), lines.get(1));
  }
}
