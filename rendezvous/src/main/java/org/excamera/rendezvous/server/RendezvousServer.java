package org.excamera.rendezvous.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.relay.BufferPool;
import org.excamera.rendezvous.relay.StateStore;
import org.excamera.rendezvous.wire.ErrorReply;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.FrameWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rendezvous server. {@link #start} opens the store (indexing what an earlier run left), binds,
 * and serves each connection on its own thread until {@link #close}.
 */
public final class RendezvousServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RendezvousServer.class);

  private final ServerSettings settings;
  private final StateStore store;
  private final BufferPool buffers;
  private final ServerMetrics metrics;
  private final ServerSocketChannel listener;
  private final Thread acceptor;
  private final ScheduledExecutorService sweeper;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionIds = new AtomicLong();
  private volatile boolean closing;

  private RendezvousServer(ServerSettings settings, MeterRegistry registry) throws IOException {
    this.settings = settings;
    this.store =
        StateStore.open(settings.dataDir, settings.clock, settings.jobTtl, settings.spareBytes);
    this.buffers = new BufferPool(settings.memoryBudgetBytes, !settings.isTls());
    this.metrics = new ServerMetrics(registry, store, buffers, connections::size);
    this.listener = ServerSocketChannel.open();
    listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    listener.bind(new InetSocketAddress(settings.bindAddress, settings.port), 1024);
    this.acceptor = new Thread(this::acceptLoop, "rendezvous-accept");
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rendezvous-sweeper");
              t.setDaemon(true);
              return t;
            });
  }

  /** Opens the store, binds and starts serving. */
  public static RendezvousServer start(ServerSettings settings, MeterRegistry registry)
      throws IOException {
    RendezvousServer server = new RendezvousServer(settings, registry);
    server.acceptor.setDaemon(true);
    server.acceptor.start();
    long sweep = settings.sweepInterval.toMillis();
    var unused =
        server.sweeper.scheduleWithFixedDelay(server::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    long watch = Math.max(100, settings.ioTimeout.toMillis() / 4);
    var unused2 =
        server.sweeper.scheduleWithFixedDelay(
            server::closeStuckConnections, watch, watch, TimeUnit.MILLISECONDS);
    log.info(
        "rendezvous serving on {} ({}), data in {}",
        server.address(),
        settings.isTls()
            ? settings.requireClientCertificates ? "TLS, client certificates required" : "TLS"
            : "plaintext, loopback only",
        server.store.dataDir());
    return server;
  }

  /** The bound address. */
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("server is closed", e);
    }
  }

  public int port() {
    return address().getPort();
  }

  /** The payload buffer pool (its peak shows the memory budget holds). */
  public BufferPool buffers() {
    return buffers;
  }

  /** Deletes idle jobs now, as the periodic sweep does; returns how many. */
  public int expireIdleJobs() throws IOException {
    return store.expireIdle();
  }

  private void sweep() {
    try {
      store.expireIdle();
    } catch (IOException | RuntimeException e) {
      log.error("expiring idle jobs failed", e);
    }
  }

  /**
   * Closes connections whose peer has not taken our bytes for longer than the I/O timeout, and
   * plaintext connections whose read has waited past its timeout (channel reads have none).
   */
  private void closeStuckConnections() {
    long now = System.nanoTime();
    long limit = settings.ioTimeout.toNanos();
    for (Connection c : connections) {
      if (c.writeStuckFor(limit, now)) {
        log.warn(
            "connection {}: peer stopped reading for over {}; closing", c.id(), settings.ioTimeout);
        c.close();
      } else if (c.readTimedOut(now)) {
        log.debug("connection {}: the peer sent nothing in time; closing", c.id());
        c.close();
      }
    }
  }

  private void acceptLoop() {
    while (!closing) {
      SocketChannel ch;
      try {
        ch = listener.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closing) {
          log.error("accept failed", e);
          sleepQuietly();
        }
        continue;
      }
      if (connections.size() >= settings.maxConnections) {
        refuse(ch);
        continue;
      }
      Connection c =
          new Connection(
              ch, connectionIds.incrementAndGet(), settings, store, buffers, metrics, this::gone);
      connections.add(c);
      if (closing) {
        c.close();
        connections.remove(c);
        return;
      }
      Thread t = new Thread(c, "rendezvous-conn-" + c.id());
      t.setDaemon(true);
      c.thread = t;
      t.start();
    }
  }

  private void gone(Connection c) {
    connections.remove(c);
  }

  /** Answers BUSY on a connection over the limit. Plaintext only: a TLS peer sees a close. */
  private void refuse(SocketChannel ch) {
    metrics.rejected(ErrorCode.BUSY);
    try (ch) {
      if (!settings.isTls()) {
        ch.socket().setSoTimeout(1000);
        FrameWriter w = new FrameWriter(ch.socket().getOutputStream());
        w.write(
            FrameType.ERROR,
            new ErrorReply(ErrorCode.BUSY, "too many connections, try again").encode());
        w.flush();
      }
    } catch (IOException e) {
      log.debug("refusing a connection failed", e);
    }
    log.warn("refused a connection: {} connections open", connections.size());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops accepting, closes every connection and waits briefly for their threads. */
  @Override
  public void close() {
    closing = true;
    try {
      listener.close();
    } catch (IOException e) {
      log.warn("closing the listener failed", e);
    }
    sweeper.shutdownNow();
    List<Connection> open = new ArrayList<>(connections);
    for (Connection c : open) {
      c.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      acceptor.join(1000);
      for (Connection c : open) {
        Thread t = c.thread;
        long left = deadline - System.nanoTime();
        if (t != null && left > 0) {
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("rendezvous on port {} closed", settings.port == 0 ? "(ephemeral)" : settings.port);
  }

  /** The buffer a publish streams its DATA frames through (from the memory budget). */
  static final int PUBLISH_BUFFER = 64 * 1024;

  /** Budget bytes one publish of deflated chunks holds: its buffer and an inflate window. */
  public static final int BYTES_PER_PUBLISH = 2 * PUBLISH_BUFFER;
}
