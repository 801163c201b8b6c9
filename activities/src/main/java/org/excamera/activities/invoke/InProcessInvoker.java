package org.excamera.activities.invoke;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.excamera.worker.ChunkWorker;
import org.excamera.worker.Deadline;
import org.excamera.worker.StateKey;
import org.excamera.worker.StateUnavailableException;
import org.excamera.worker.WorkerError;
import org.excamera.worker.WorkerRequest;
import org.excamera.worker.WorkerResponse;
import org.excamera.worker.port.StateExchange;

/**
 * Runs the worker in this JVM with at most {@code concurrency} stages computing at once (the
 * embedded default; {@code --workers K}). Permits are handed out first come, first served.
 *
 * <p>No deadlock when concurrency is below the number of chunks (design §5): a chain link that
 * waits for its predecessor's state gives its permit back while it waits (see {@link
 * #releasingWhileWaiting}), so a waiting link never holds a slot its predecessor needs.
 */
public final class InProcessInvoker implements WorkerInvoker, AutoCloseable {
  private final ChunkWorker worker;
  private final Slots slots;
  private final ExecutorService threads;

  private InProcessInvoker(ChunkWorker worker, Slots slots) {
    this.worker = worker;
    this.slots = slots;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "excamera-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * An invoker over a worker built from {@code builder}, whose state exchange is wrapped so that
   * waiting for a state releases the caller's permit.
   */
  public static InProcessInvoker create(ChunkWorker.Builder builder, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    Slots slots = new Slots(concurrency);
    builder.wrapExchanges(exchange -> releasingWhileWaiting(exchange, slots));
    return new InProcessInvoker(builder.build(), slots);
  }

  /** The worker this invoker runs (to ask what it can do). */
  public ChunkWorker worker() {
    return worker;
  }

  public int concurrency() {
    return slots.capacity;
  }

  /** Stages now waiting for a state without holding a permit (diagnostics and tests). */
  public int waitingForStates() {
    return slots.waiting.get();
  }

  @Override
  public String describe() {
    return "in-process (" + slots.capacity + " workers)";
  }

  @Override
  public WorkerResponse invoke(WorkerRequest request, Duration budget, Runnable heartbeat)
      throws InterruptedException {
    Future<WorkerResponse> running =
        threads.submit(
            () -> {
              slots.acquire();
              try {
                return worker.run(request, Deadline.in(budget.toMillis()));
              } finally {
                slots.release();
              }
            });
    try {
      return Waiting.await(running, heartbeat);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return WorkerResponse.failed(
          new WorkerError(cause.getClass().getSimpleName(), String.valueOf(cause), true));
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** A fair semaphore that knows whether the current thread holds a permit. */
  static final class Slots {
    private final int capacity;
    private final Semaphore permits;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final AtomicInteger waiting = new AtomicInteger();

    Slots(int capacity) {
      this.capacity = capacity;
      this.permits = new Semaphore(capacity, true);
    }

    void acquire() throws InterruptedException {
      permits.acquire();
      held.set(Boolean.TRUE);
    }

    void release() {
      if (held.get()) {
        held.set(Boolean.FALSE);
        permits.release();
      }
    }

    boolean heldByCurrentThread() {
      return held.get();
    }
  }

  /** Wraps an exchange so that {@code fetch} gives back the caller's permit while it waits. */
  static StateExchange releasingWhileWaiting(StateExchange exchange, Slots slots) {
    return new StateExchange() {
      @Override
      public void publish(String jobId, StateKey key, byte[] state) throws IOException {
        exchange.publish(jobId, key, state);
      }

      @Override
      public byte[] fetch(String jobId, StateKey key, Duration timeout)
          throws IOException, InterruptedException {
        try {
          return exchange.fetch(jobId, key, Duration.ZERO);
        } catch (StateUnavailableException notYet) {
          // falls through to a real wait, without the permit
        }
        boolean held = slots.heldByCurrentThread();
        if (held) {
          slots.release();
        }
        slots.waiting.incrementAndGet();
        try {
          return exchange.fetch(jobId, key, timeout);
        } finally {
          slots.waiting.decrementAndGet();
          if (held) {
            slots.acquire();
          }
        }
      }

      @Override
      public void deleteJob(String jobId) throws IOException {
        exchange.deleteJob(jobId);
      }
    };
  }
}
