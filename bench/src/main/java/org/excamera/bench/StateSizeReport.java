package org.excamera.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;

/**
 * Serialized decoder state sizes at 1080p and 4K, raw and deflated (java.util.zip, default level),
 * for the state after a key frame (last = golden = altref, stored once) and the largest state seen
 * over a short stream (after the first interframe last differs from golden and altref, so two
 * pictures are stored).
 */
public final class StateSizeReport {
  private static final PrintStream out = System.out;

  private StateSizeReport() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "excamera-bench");
    int[][] sizes = {{1920, 1080}, {3840, 2160}, {4096, 1744}};
    for (int[] s : sizes) {
      Path ivf =
          StreamMaker.ivf(
              dir,
              "testsrc2",
              s[0],
              s[1],
              12,
              List.of("--good", "--cpu-used=8", "--end-usage=cq", "--cq-level=32"));
      List<CompressedFrame> frames =
          IvfReader.readAll(ivf).stream().map(IvfFrame::data).map(CompressedFrame::of).toList();
      DecoderState state = DecoderState.initial();
      state = Vp8Decoder.decode(state, frames.get(0)).next();
      byte[] afterKey = state.serialize();
      byte[] largest = afterKey;
      for (CompressedFrame f : frames.subList(1, frames.size())) {
        state = Vp8Decoder.decode(state, f).next();
        byte[] ser = state.serialize();
        if (ser.length > largest.length) {
          largest = ser;
        }
      }
      report("%dx%d after a key frame".formatted(s[0], s[1]), afterKey);
      report("%dx%d largest over %d frames".formatted(s[0], s[1], frames.size()), largest);
    }
  }

  private static void report(String what, byte[] raw) {
    Deflater d = new Deflater();
    d.setInput(raw);
    d.finish();
    byte[] buf = new byte[1 << 16];
    long compressed = 0;
    while (!d.finished()) {
      compressed += d.deflate(buf);
    }
    d.end();
    out.printf(
        "%-40s raw %,12d bytes (%.2f MiB)   deflated %,12d bytes (%.2f MiB)%n",
        what, raw.length, raw.length / 1048576.0, compressed, compressed / 1048576.0);
  }
}
