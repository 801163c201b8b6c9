package org.excamera.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.excamera.worker.stage.UnavailableStitchCodec;
import org.excamera.worker.storage.InMemoryStateExchange;
import org.excamera.worker.testing.FakeIvf;
import org.excamera.worker.testing.FakeStitchCodec;
import org.excamera.worker.testing.ScriptedEncoder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkWorkerTest {
  @TempDir Path dir;
  private InMemoryStateExchange states;

  @BeforeEach
  void setUp() throws Exception {
    states = new InMemoryStateExchange();
    Files.write(dir.resolve("raw.y4m"), new byte[] {1, 2, 3});
  }

  private ChunkWorker.Builder worker(byte[] stage1Output) {
    return ChunkWorker.builder()
        .exchanges(e -> states)
        .encoder(EncoderKind.VPXENC, new ScriptedEncoder(stage1Output))
        .withoutEncoder(EncoderKind.JAVA)
        .scratchRoot(dir.resolve("scratch"));
  }

  private WorkerRequest request(
      Operation op, int chunk, int position, @Nullable String prediction, boolean publish) {
    return new WorkerRequest(
        WorkerRequest.VERSION,
        op,
        "job",
        0,
        chunk,
        position,
        3,
        BlobRef.of(dir.resolve("raw.y4m")),
        prediction == null ? null : BlobRef.of(dir.resolve(prediction)),
        BlobRef.of(dir.resolve("out-" + chunk + "-" + op + ".ivf")),
        32,
        EncoderKind.VPXENC,
        publish,
        null,
        200);
  }

  private static WorkerError error(WorkerResponse r) {
    assertFalse(r.succeeded(), "expected a failure");
    return java.util.Objects.requireNonNull(r.error());
  }

  @Test
  void encodeChunkStoresTheOutputAndCountsFrames() throws Exception {
    byte[] ivf = FakeIvf.chunk(3, true, 7);
    WorkerResponse r =
        worker(ivf)
            .build()
            .run(request(Operation.ENCODE_CHUNK, 0, 0, null, false), Deadline.in(10_000));
    ChunkOutput out = java.util.Objects.requireNonNull(r.output(), () -> String.valueOf(r.error()));
    assertEquals(3, out.frames());
    assertEquals(1, out.keyFrames());
    assertEquals(ivf.length, out.bytes());
    assertArrayEquals(ivf, Files.readAllBytes(out.output().toPath()));
    assertTrue(out.timings().stream().anyMatch(t -> t.step().equals("scripted")));
  }

  @Test
  void hiddenFramesAndWrongFrameCountsAreNotRetryable() {
    byte[] hidden =
        FakeIvf.of(
            new byte[] {FakeIvf.tag(true, true)},
            new byte[] {FakeIvf.tag(false, false)},
            new byte[] {FakeIvf.tag(false, true)});
    WorkerError e =
        error(
            worker(hidden)
                .build()
                .run(request(Operation.ENCODE_CHUNK, 0, 0, null, false), Deadline.in(10_000)));
    assertEquals("OutputMismatchException", e.type());
    assertFalse(e.retryable());
    assertTrue(e.message().contains("hidden"), e.message());

    WorkerError short2 =
        error(
            worker(FakeIvf.chunk(2, true, 0))
                .build()
                .run(request(Operation.ENCODE_CHUNK, 0, 0, null, false), Deadline.in(10_000)));
    assertTrue(short2.message().contains("has 2 frames, the chunk has 3"), short2.message());
  }

  @Test
  void missingEncoderOrStitchingIsATypedUnsupportedError() {
    WorkerRequest java =
        new WorkerRequest(
            WorkerRequest.VERSION,
            Operation.ENCODE_CHUNK,
            "job",
            0,
            0,
            0,
            3,
            BlobRef.of(dir.resolve("raw.y4m")),
            null,
            BlobRef.of(dir.resolve("o.ivf")),
            32,
            EncoderKind.JAVA,
            false,
            null,
            0);
    WorkerError e = error(worker(new byte[0]).build().run(java, Deadline.in(10_000)));
    assertEquals("UnsupportedStageException", e.type());
    assertTrue(e.message().contains("no Java chunk encoder"), e.message());

    WorkerError egs =
        error(
            worker(new byte[0])
                .codec(new UnavailableStitchCodec())
                .build()
                .run(
                    request(Operation.ENCODE_GIVEN_STATE, 1, 1, "vpx.ivf", false),
                    Deadline.in(10_000)));
    assertEquals("UnsupportedStageException", egs.type());
    assertFalse(egs.retryable());
    assertTrue(egs.message().contains("x > 1"), egs.message());
  }

  @Test
  void missingBlobIsNotRetryable() {
    WorkerError e =
        error(
            worker(FakeIvf.chunk(3, true, 0))
                .codec(new FakeStitchCodec(3))
                .build()
                .run(
                    request(Operation.ENCODE_GIVEN_STATE, 1, 1, "absent.ivf", false),
                    Deadline.in(10_000)));
    assertEquals("BlobNotFoundException", e.type());
    assertFalse(e.retryable());
  }

  @Test
  void statesFlowFromStageOneThroughPassOneToTheChain() throws Exception {
    ChunkWorker w = worker(FakeIvf.chunk(3, true, 0)).codec(new FakeStitchCodec(3)).build();
    WorkerResponse s1 =
        w.run(request(Operation.ENCODE_CHUNK, 0, 0, null, true), Deadline.in(10_000));
    assertNotNull(s1.output(), () -> String.valueOf(s1.error()));
    assertNotNull(s1.output().stateDigest());
    WorkerResponse s1b =
        w.run(request(Operation.ENCODE_CHUNK, 1, 1, null, true), Deadline.in(10_000));
    assertNotNull(s1b.output(), () -> String.valueOf(s1b.error()));
    Files.write(dir.resolve("vpx1.ivf"), FakeIvf.chunk(3, true, 1));
    WorkerResponse egs =
        w.run(request(Operation.ENCODE_GIVEN_STATE, 1, 1, "vpx1.ivf", true), Deadline.in(10_000));
    assertNotNull(egs.output(), () -> String.valueOf(egs.error()));
    assertEquals(0, egs.output().keyFrames());
    Files.write(dir.resolve("pass1-2.ivf"), FakeIvf.chunk(3, false, 1));
    WorkerResponse link =
        w.run(request(Operation.REBASE, 2, 2, "pass1-2.ivf", true), Deadline.in(10_000));
    assertNotNull(link.output(), () -> String.valueOf(link.error()));
    byte[] s2 = states.fetch("job", new StateKey(0, 2, StateKind.FINAL), Duration.ZERO);
    assertEquals(
        "rebased-after-final-after-vpx-state-" + FakeIvf.chunk(3, true, 0).length,
        new String(s2, StandardCharsets.UTF_8));
  }

  @Test
  void aLinkWhosePredecessorNeverPublishesFailsRetryably() throws Exception {
    Files.write(dir.resolve("pass1.ivf"), FakeIvf.chunk(3, false, 1));
    states.publish("job", new StateKey(0, 4, StateKind.VPX), new byte[] {1});
    WorkerError e =
        error(
            worker(new byte[0])
                .codec(new FakeStitchCodec(3))
                .build()
                .run(request(Operation.REBASE, 5, 5, "pass1.ivf", false), Deadline.in(10_000)));
    assertEquals("StateUnavailableException", e.type());
    assertTrue(e.retryable());
  }
}
