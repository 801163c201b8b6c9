package org.excamera.worker.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.Operation;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerJson;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.excamera.worker.testing.FakeIvf;
import org.excamera.worker.testing.LambdaTestContext;
import org.excamera.worker.testing.ScriptedEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerHandlerTest {
  @TempDir Path dir;

  private WorkerResponse handle(WorkerHandler handler, byte[] body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(body), out, new LambdaTestContext(60_000));
    return WorkerJson.readResponse(out.toByteArray());
  }

  @Test
  void badRequestGetsATypedErrorResponseNotAnException() throws Exception {
    WorkerHandler handler = new WorkerHandler(ChunkWorker.builder().build());
    WorkerResponse r = handle(handler, "{\"version\":1}".getBytes(StandardCharsets.UTF_8));
    WorkerError error = Objects.requireNonNull(r.error());
    assertEquals("InvalidRequestException", error.type());
    assertFalse(error.retryable());
  }

  @Test
  void runsAStageAndAnswersWithItsOutput() throws Exception {
    Files.write(dir.resolve("raw.y4m"), new byte[] {0});
    WorkerHandler handler =
        new WorkerHandler(
            ChunkWorker.builder()
                .encoder(EncoderKind.VPXENC, new ScriptedEncoder(FakeIvf.chunk(4, true, 0)))
                .scratchRoot(dir.resolve("s"))
                .build());
    WorkerRequest request =
        new WorkerRequest(
            WorkerRequest.VERSION,
            Operation.ENCODE_CHUNK,
            "job",
            0,
            0,
            0,
            4,
            BlobRef.of(dir.resolve("raw.y4m")),
            null,
            BlobRef.of(dir.resolve("out.ivf")),
            20,
            EncoderKind.VPXENC,
            false,
            null,
            0);
    WorkerResponse r = handle(handler, WorkerJson.toBytes(request));
    assertTrue(r.succeeded(), () -> String.valueOf(r.error()));
    assertNotNull(r.output());
    assertEquals(4, r.output().frames());
    assertTrue(Files.exists(dir.resolve("out.ivf")));
  }

  @Test
  void theLambdaWorkerRefusesLocalFiles() throws Exception {
    WorkerHandler handler =
        new WorkerHandler(LambdaEnvironment.of(Map.of("AWS_REGION", "us-east-1")).worker());
    WorkerRequest request =
        new WorkerRequest(
            WorkerRequest.VERSION,
            Operation.ENCODE_CHUNK,
            "job",
            0,
            0,
            0,
            4,
            BlobRef.parse("file:///etc/passwd"),
            null,
            BlobRef.parse("file:///tmp/out.ivf"),
            20,
            EncoderKind.VPXENC,
            false,
            null,
            0);
    WorkerResponse r = handle(handler, WorkerJson.toBytes(request));
    WorkerError error = Objects.requireNonNull(r.error());
    assertEquals("InvalidRequestException", error.type(), error.toString());
  }
}
