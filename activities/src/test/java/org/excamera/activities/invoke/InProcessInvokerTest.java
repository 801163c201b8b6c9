package org.excamera.activities.invoke;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.excamera.worker.BlobRef;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.EncoderKind;
import org.excamera.worker.Operation;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateKind;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.excamera.worker.storage.InMemoryStateExchange;
import org.excamera.worker.testing.FakeIvf;
import org.excamera.worker.testing.FakeStitchCodec;
import org.excamera.worker.testing.ScriptedEncoder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessInvokerTest {
  @TempDir Path dir;

  private WorkerRequest request(Operation op, int chunk, @Nullable String prediction) {
    return new WorkerRequest(
        WorkerRequest.VERSION,
        op,
        "job",
        0,
        chunk,
        chunk,
        3,
        BlobRef.of(dir.resolve("raw.y4m")),
        prediction == null ? null : BlobRef.of(dir.resolve(prediction)),
        BlobRef.of(dir.resolve("out-" + chunk + ".ivf")),
        32,
        EncoderKind.VPXENC,
        true,
        null,
        60_000);
  }

  /**
   * With one slot, chain link 2 is started first and waits for S_out(1), which only pass 1 of chunk
   * 1 (started after it) publishes. The waiting link gives its slot back, so both finish; holding
   * the slot would block until the state wait ran out.
   */
  @Test
  void aWaitingChainLinkDoesNotHoldTheOnlySlot() throws Exception {
    Files.write(dir.resolve("raw.y4m"), new byte[] {0});
    Files.write(dir.resolve("vpx-1.ivf"), FakeIvf.chunk(3, true, 1));
    Files.write(dir.resolve("pass1-2.ivf"), FakeIvf.chunk(3, false, 2));
    InMemoryStateExchange states = new InMemoryStateExchange();
    states.publish("job", new StateKey(0, 0, StateKind.VPX), new byte[] {0});
    states.publish("job", new StateKey(0, 1, StateKind.VPX), new byte[] {1});
    ChunkWorker.Builder builder =
        ChunkWorker.builder()
            .exchanges(e -> states)
            .encoder(EncoderKind.VPXENC, new ScriptedEncoder(FakeIvf.chunk(3, true, 0)))
            .codec(new FakeStitchCodec(3))
            .scratchRoot(dir.resolve("scratch"));
    try (InProcessInvoker invoker = InProcessInvoker.create(builder, 1)) {
      CompletableFuture<WorkerResponse> link =
          CompletableFuture.supplyAsync(
              () -> invoke(invoker, request(Operation.REBASE, 2, "pass1-2.ivf")));
      while (invoker.waitingForStates() == 0) {
        Thread.sleep(5);
      }
      WorkerResponse pass1 = invoke(invoker, request(Operation.ENCODE_GIVEN_STATE, 1, "vpx-1.ivf"));
      assertTrue(pass1.succeeded(), String.valueOf(pass1.error()));
      WorkerResponse linked = link.get(60, TimeUnit.SECONDS);
      assertTrue(linked.succeeded(), String.valueOf(linked.error()));
    }
  }

  private static WorkerResponse invoke(InProcessInvoker invoker, WorkerRequest r) {
    try {
      return invoker.invoke(r, Duration.ofMinutes(1), () -> {});
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
