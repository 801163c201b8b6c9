package org.excamera.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerJsonTest {
  static WorkerRequest request(Operation op, int position, BlobRef prediction) {
    return new WorkerRequest(
        WorkerRequest.VERSION,
        op,
        "job-1",
        0,
        position,
        position,
        6,
        BlobRef.parse("s3://bucket/jobs/job-1/chunk-000000/raw.y4m"),
        op == Operation.ENCODE_CHUNK ? null : prediction,
        BlobRef.parse("s3://bucket/jobs/job-1/chunk-000000/out.ivf"),
        32,
        EncoderKind.VPXENC,
        true,
        new RendezvousEndpoint("127.0.0.1:7000", "tok", true),
        1000);
  }

  private static String json(WorkerRequest r) {
    return new String(WorkerJson.toBytes(r), StandardCharsets.UTF_8);
  }

  private static InvalidRequestException rejected(String json) {
    return assertThrows(
        InvalidRequestException.class,
        () -> WorkerJson.readRequest(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void requestRoundTripsWithBlobReferencesAsStrings() {
    WorkerRequest r = request(Operation.REBASE, 2, BlobRef.parse("s3://bucket/p.ivf"));
    String json = json(r);
    assertTrue(json.contains("\"raw\":\"s3://bucket/jobs/job-1/chunk-000000/raw.y4m\""), json);
    assertTrue(json.contains("\"operation\":\"REBASE\""), json);
    assertEquals(r, WorkerJson.readRequest(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void responseRoundTrips() {
    WorkerResponse ok =
        WorkerResponse.ok(
            new ChunkOutput(
                BlobRef.parse("file:///tmp/x.ivf"),
                123,
                6,
                1,
                "abcd",
                List.of(new StageTiming("vpxenc", 1000, 42))));
    assertEquals(ok, WorkerJson.readResponse(WorkerJson.toBytes(ok)));
    WorkerResponse failed =
        WorkerResponse.failed(new WorkerError("StageFailedException", "vpxenc crashed", true));
    assertEquals(failed, WorkerJson.readResponse(WorkerJson.toBytes(failed)));
  }

  @Test
  void missingFieldIsATypedErrorNamingIt() {
    String json = json(request(Operation.ENCODE_CHUNK, 0, BlobRef.parse("s3://b/k")));
    String withoutRaw = json.replaceFirst("\"raw\":\"[^\"]*\",", "");
    InvalidRequestException e = rejected(withoutRaw);
    assertMessage(e, "raw chunk reference missing");
  }

  @Test
  void unknownFieldsWrongVersionAndBadValuesAreRejected() {
    String json = json(request(Operation.ENCODE_CHUNK, 0, BlobRef.parse("s3://b/k")));
    rejected(json.replace("{\"version\"", "{\"surprise\":1,\"version\""));
    assertMessage(
        rejected(json.replace("\"version\":1", "\"version\":2")), "unsupported request version 2");
    assertMessage(rejected(json.replace("\"cqLevel\":32", "\"cqLevel\":64")), "0..63");
    assertMessage(
        rejected(json.replace("s3://bucket/jobs/job-1/chunk-000000/raw.y4m", "http://x/raw")),
        "file:// or s3://");
    rejected("not json");
    rejected("null");
    rejected(json + " {}");
  }

  private static void assertMessage(Exception e, String part) {
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains(part), message);
  }

  @Test
  void operationsCheckTheirPositionAndPrediction() {
    BlobRef p = BlobRef.parse("s3://b/p.ivf");
    assertThrows(IllegalArgumentException.class, () -> request(Operation.REBASE, 1, p));
    assertThrows(IllegalArgumentException.class, () -> request(Operation.ENCODE_GIVEN_STATE, 0, p));
    assertEquals("b00000/c000003/final", request(Operation.REBASE, 3, p).publishedKey().name());
    assertEquals(
        "b00000/c000002/vpx", request(Operation.REBASE, 3, p).predecessorKey(StateKind.VPX).name());
  }

  @Test
  void endpointTokenIsNotPrinted() {
    assertTrue(!new RendezvousEndpoint("h:1", "secret", false).toString().contains("secret"));
  }
}
