package org.excamera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.excamera.codec.CompressedFrame;
import org.excamera.codec.DecodeResult;
import org.excamera.codec.DecoderState;
import org.excamera.codec.Vp8Decoder;
import org.excamera.codec.io.IvfFrame;
import org.excamera.codec.io.IvfReader;
import org.excamera.codec.io.Y4mReader;
import org.excamera.codec.io.Y4mWriter;
import org.excamera.codec.testing.ExternalTool;
import org.excamera.codec.testing.TestData;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.StageFailedException;
import org.excamera.worker.port.ChunkEncoder;
import org.excamera.worker.stage.FrameTag;
import org.excamera.worker.stage.VpxencEncoder;
import org.excamera.workflows.EncodeJobInput;
import org.excamera.workflows.EncodeJobResult;
import org.excamera.workflows.EncodeJobWorkflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on embedded defaults (in-JVM Temporal, in-process workers, files) over a
 * synthetic clip made with ffmpeg (48 frames of lavfi testsrc2 at 176x144) and the first 24 frames
 * of the natural foreman clip, 6-frame chunks, ExCamera[6,x] for x in {1, 2, 4}.
 */
class PipelineIT {
  private static final int FRAMES = 48;
  @TempDir static Path dir;
  private static Path clip;

  @BeforeAll
  static void makeClip() throws Exception {
    ExternalTool.require("vpxenc");
    ExternalTool.require("vpxdec");
    clip = dir.resolve("testsrc2_176x144_48f.y4m");
    run(
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=176x144:rate=24",
        "-frames:v",
        Integer.toString(FRAMES),
        "-pix_fmt",
        "yuv420p",
        "-f",
        "yuv4mpegpipe",
        clip.toString());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    ExternalTool.require(command[0]);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    return out;
  }

  private static EncodeJobResult encode(
      Path out, int workers, UnaryOperator<ChunkWorker.Builder> customize) throws Exception {
    return encode(clip, out, 1, workers, customize);
  }

  private static EncodeJobResult encode(
      Path source,
      Path out,
      int batchChunks,
      int workers,
      UnaryOperator<ChunkWorker.Builder> customize)
      throws Exception {
    HostOptions host = new HostOptions();
    host.workers = workers;
    if (batchChunks > 1) {
      host.rendezvous = "embedded"; // as `excamera encode` does: states over loopback
    }
    try (PipelineHost pipeline = PipelineHost.create(host, customize);
        TemporalService temporal = TemporalService.embedded()) {
      pipeline.register(temporal.newWorker(EncodeJobWorkflow.TASK_QUEUE, pipeline.workerOptions()));
      temporal.start();
      EncodeJobInput input =
          new EncodeJobInput(
              BlobRef.of(source).uri(),
              BlobRef.of(out).uri(),
              6,
              batchChunks,
              32,
              "vpxenc",
              null,
              null,
              null,
              null);
      ProgressView quiet =
          new ProgressView(new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"), false, 1);
      return EncodeRunner.run(temporal.client(), EncodeJobWorkflow.TASK_QUEUE, input, quiet);
    }
  }

  private static int keyFrames(Path ivf) throws IOException {
    int keys = 0;
    try (IvfReader r = IvfReader.open(ivf)) {
      for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
        keys += FrameTag.isKeyFrame(f.get().data()) ? 1 : 0;
      }
    }
    return keys;
  }

  /** Per-frame md5 of shown frames as vpxdec prints them (md5 only), in order. */
  private static List<String> vpxdecMd5(Path ivf) throws Exception {
    String out =
        run("vpxdec", "--codec=vp8", "--i420", "--md5", "-o", "f-%wx%h-%4.i420", ivf.toString());
    return out.strip().lines().map(l -> l.substring(0, 32)).toList();
  }

  /** Per-frame md5 of shown frames decoded with this project's decoder. */
  private static List<String> ourMd5(Path ivf) throws Exception {
    List<String> md5s = new ArrayList<>();
    DecoderState s = DecoderState.initial();
    try (IvfReader r = IvfReader.open(ivf)) {
      for (Optional<IvfFrame> f = r.next(); f.isPresent(); f = r.next()) {
        DecodeResult d = Vp8Decoder.decode(s, CompressedFrame.of(f.get().data()));
        if (d.shown()) {
          md5s.add(
              HexFormat.of()
                  .formatHex(MessageDigest.getInstance("MD5").digest(d.picture().toI420())));
        }
        s = d.next();
      }
    }
    return md5s;
  }

  /** Plays in vpxdec with every frame, one key frame per batch, and our decoder agrees. */
  private static void assertValid(Path ivf, int frames, int keyFrames) throws Exception {
    List<String> vpxdec = vpxdecMd5(ivf);
    assertEquals(frames, vpxdec.size(), "frames vpxdec shows");
    assertEquals(keyFrames, keyFrames(ivf), "key frames");
    assertEquals(vpxdec, ourMd5(ivf), "per-frame md5, vpxdec vs ours");
  }

  @Test
  void everyBatchSizePlaysWithOneKeyFramePerBatchAndStitchingSavesBits() throws Exception {
    long[] bytes = new long[5];
    for (int x : new int[] {1, 2, 4}) {
      Path out = dir.resolve("synthetic-x" + x + ".ivf");
      EncodeJobResult r = encode(clip, out, x, 2, b -> b);
      int batches = (8 + x - 1) / x;
      assertEquals(FRAMES, r.frames());
      assertEquals(8, r.chunks());
      assertEquals(batches, r.batches());
      assertEquals(batches, r.keyFrames());
      assertEquals(Files.size(out), r.bytes());
      assertValid(out, FRAMES, batches);
      bytes[x] = r.bytes();
    }
    assertTrue(
        bytes[4] < bytes[1],
        "ExCamera[6,4] should need fewer bytes than [6,1] at the same cq: "
            + bytes[4]
            + " vs "
            + bytes[1]);
  }

  @Test
  void aNaturalClipStitchesIntoOneKeyFrame() throws Exception {
    Path foreman = TestData.clip("foreman_cif_352x288_96f.y4m");
    Path first24 = dir.resolve("foreman_24f.y4m");
    try (Y4mReader in = Y4mReader.open(foreman);
        Y4mWriter w = Y4mWriter.create(first24, in.header())) {
      for (int i = 0; i < 24; i++) {
        w.write(in.next().orElseThrow());
      }
    }
    Path out = dir.resolve("foreman-x4.ivf");
    EncodeJobResult r = encode(first24, out, 4, 2, b -> b);
    assertEquals(1, r.keyFrames());
    assertValid(out, 24, 1);
  }

  @Test
  void oneAndFourWorkersAndARetriedStageGiveTheSameBytes() throws Exception {
    Path one = dir.resolve("one.ivf");
    encode(clip, one, 4, 1, b -> b);
    AtomicInteger calls = new AtomicInteger();
    ChunkEncoder vpxenc = VpxencEncoder.locate().orElseThrow();
    ChunkEncoder failsOnce =
        new ChunkEncoder() {
          @Override
          public String name() {
            return "vpxenc";
          }

          @Override
          public byte[] encode(Path raw, int cq, Path work)
              throws IOException, InterruptedException {
            if (calls.incrementAndGet() == 3) {
              throw new StageFailedException("injected failure of the third vpxenc run");
            }
            return vpxenc.encode(raw, cq, work);
          }
        };
    Path four = dir.resolve("four.ivf");
    encode(clip, four, 4, 4, b -> b.encoder(EncoderKind.VPXENC, failsOnce));
    assertEquals(8 + 1, calls.get(), "one stage failed once and was retried");
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
  }

  @Test
  void demoMakesAClipEncodesItAndPrintsTheSummary() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "demo", "--frames", "24", "--size", "176x144", "--dir", dir.resolve("demo").toString());
    assertEquals(0, code, err.toString());
    String summary = out.toString();
    assertTrue(summary.contains("chunks      4 of 6 frames, 1 batches, 1 key frames"), summary);
    assertTrue(summary.contains("key frames"), summary);
    assertTrue(summary.contains("mean SSIM"), summary);
  }
}
