package org.excamera.rendezvous.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
  @Test
  void lendsWithinTheBudgetAndReusesBuffers() throws Exception {
    BufferPool pool = new BufferPool(1000, true);
    ByteBuffer a = pool.acquire(400, 0, TimeUnit.MILLISECONDS);
    ByteBuffer b = pool.acquire(400, 0, TimeUnit.MILLISECONDS);
    assertNotNull(a);
    assertNotNull(b);
    assertTrue(a.isDirect());
    assertNull(pool.acquire(400, 10, TimeUnit.MILLISECONDS), "a third would exceed 1000");
    assertEquals(800, pool.inUse());
    pool.release(a);
    assertSame(a, pool.acquire(400, 0, TimeUnit.MILLISECONDS), "released buffers are reused");
    pool.release(a);
    pool.release(b);
    ByteBuffer big = pool.acquire(900, 0, TimeUnit.MILLISECONDS);
    assertNotNull(big, "idle buffers of another size make room");
    assertTrue(pool.allocated() <= 1000);
    assertEquals(900, pool.peakInUse());
    assertThrows(IllegalArgumentException.class, () -> pool.acquire(1001, 0, TimeUnit.SECONDS));
  }

  @Test
  void aWaitingAcquireGetsAReleasedBuffer() throws Exception {
    BufferPool pool = new BufferPool(100, false);
    ByteBuffer held = pool.acquire(100, 0, TimeUnit.MILLISECONDS);
    assertNotNull(held);
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              pool.release(held);
            });
    releaser.start();
    assertNotNull(pool.acquire(100, 10, TimeUnit.SECONDS));
    releaser.join();
  }
}
