package org.excamera.rendezvous.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.DigestMismatchException;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.FetchTimeoutException;
import org.excamera.rendezvous.JobIds;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.RelayUnavailableException;
import org.excamera.rendezvous.RendezvousException;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.wire.WireFormatException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes and fetches states on a rendezvous server for one job's token.
 *
 * <pre>{@code
 * try (RendezvousClient client = RendezvousClient.builder("relay.example:7070")
 *     .token(token).tls(TlsContexts.clientFromFiles(caPem, null, null)).build()) {
 *   client.publish(job, new StateKey(0, 3, "final"), stateBytes);
 *   byte[] previous = client.fetch(job, new StateKey(0, 2, "final"), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe; each call uses a pooled connection of its own. A connection that fails is dropped
 * and the call is retried with jittered exponential backoff: a publish is sent again (re-publishing
 * the same bytes is idempotent), a fetch resumes waiting with what is left of its timeout. Calls
 * give up with {@link RelayUnavailableException} once the retry budget is spent. Every fetched
 * state is checked against the running CRC32C its writer put in each frame. Failures the server
 * reports are raised as the matching {@link RendezvousException} subclass.
 */
public final class RendezvousClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RendezvousClient.class);
  private static final int DIGEST_RETRIES = 2;
  private static final int HANDSHAKE_TRIES = 3;

  private final String host;
  private final int port;
  private final String token;
  private final @Nullable SSLContext tls;
  private final boolean deflate;
  private final Duration connectTimeout;
  private final Duration ioTimeout;
  private final Duration heartbeat;
  private final Duration retryBudget;
  private final long maxPayloadBytes;
  private final int maxIdleConnections;
  private final ArrayDeque<ClientConnection> idle = new ArrayDeque<>(); // guarded by itself
  private boolean closed; // guarded by idle

  private RendezvousClient(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.token = Objects.requireNonNull(b.token, "token");
    this.tls = b.tls;
    this.connectTimeout = b.connectTimeout;
    this.ioTimeout = b.ioTimeout;
    this.heartbeat = b.heartbeat;
    this.retryBudget = b.retryBudget;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxIdleConnections = b.maxIdleConnections;
    if (b.tls == null && !b.insecureLoopback) {
      throw new IllegalArgumentException(
          "the rendezvous client needs TLS, or an explicit insecure-loopback setting");
    }
    boolean loopback = isLoopback(host);
    if (b.insecureLoopback && !loopback) {
      throw new IllegalArgumentException(
          "insecure (plaintext) mode talks to loopback addresses only, not " + host);
    }
    this.deflate =
        switch (b.compression) {
          case NONE -> false;
          case DEFLATE -> true;
          case AUTO -> !loopback;
        };
  }

  private static boolean isLoopback(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A builder for a server at {@code host:port} ({@code [v6]:port} for IPv6 literals). */
  public static Builder builder(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException("rendezvous address must be host:port: " + address);
    }
    String h = address.substring(0, colon);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    int p;
    try {
      p = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rendezvous port is not a number: " + address, e);
    }
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException("rendezvous port out of range: " + address);
    }
    return new Builder(h, p);
  }

  /**
   * Stores {@code state} under {@code key} of {@code job}; returns once the server has made it
   * durable. Publishing the same bytes again returns {@link PublishOutcome#ALREADY_PRESENT}.
   *
   * @throws org.excamera.rendezvous.StateConflictException if the key holds different bytes
   * @throws org.excamera.rendezvous.TokenRejectedException if the token does not open the job
   */
  public PublishOutcome publish(String job, StateKey key, byte[] state) {
    JobIds.check(job);
    if (state.length > maxPayloadBytes) {
      throw new org.excamera.rendezvous.PayloadTooLargeException(
          "job %s key %s: %d bytes exceed this client's limit of %d"
              .formatted(job, key, state.length, maxPayloadBytes));
    }
    long giveUp = System.nanoTime() + retryBudget.toNanos();
    return withRetries(
        "publish job %s key %s".formatted(job, key),
        giveUp,
        c -> c.publish(token, job, key, state, deflate, ioTimeout));
  }

  /**
   * Returns the state under {@code key} of {@code job}, waiting up to {@code timeout} for it to be
   * published. Lost connections are re-established and the wait resumes.
   *
   * @throws FetchTimeoutException if nothing was published in time
   * @throws DigestMismatchException if the bytes kept failing their checksum
   */
  public byte[] fetch(String job, StateKey key, Duration timeout) {
    JobIds.check(job);
    long start = System.nanoTime();
    long waitDeadline = start + timeout.toNanos();
    long giveUp = Math.max(waitDeadline, start + retryBudget.toNanos());
    String what = "fetch job %s key %s".formatted(job, key);
    int digestFailures = 0;
    while (true) {
      try {
        return withRetries(
            what,
            giveUp,
            c -> {
              long left = TimeUnit.NANOSECONDS.toMillis(waitDeadline - System.nanoTime());
              return c.fetch(token, job, key, Math.max(0, left), heartbeat, maxPayloadBytes);
            });
      } catch (DigestMismatchException e) {
        if (++digestFailures > DIGEST_RETRIES) {
          throw e;
        }
        log.warn("{}: {}; fetching again", what, e.getMessage());
      }
    }
  }

  /** Deletes every state of {@code job}; returns whether the server had any stored. */
  public boolean deleteJob(String job) {
    JobIds.check(job);
    return withRetries(
        "delete job " + job,
        System.nanoTime() + retryBudget.toNanos(),
        c -> c.deleteJob(token, job, ioTimeout));
  }

  /** One exchange on a connection. */
  @FunctionalInterface
  private interface Exchange<T> {
    T run(ClientConnection c) throws IOException;
  }

  private <T> T withRetries(String what, long giveUpNanos, Exchange<T> exchange) {
    Backoff backoff = new Backoff(50, 2000);
    int tries = 0;
    int handshakeFailures = 0;
    while (true) {
      tries++;
      ClientConnection c = null;
      boolean pooled = false;
      RendezvousException failure;
      try {
        c = pollIdle();
        pooled = c != null;
        if (c == null) {
          c = ClientConnection.open(host, port, tls, connectTimeout);
        }
        T result = exchange.run(c);
        giveBack(c);
        return result;
      } catch (WireFormatException e) {
        closeQuietly(c);
        throw ClientConnection.fromWire(e);
      } catch (RendezvousException e) {
        closeQuietly(c);
        if (!e.retryable() || e instanceof DigestMismatchException) {
          throw e;
        }
        failure = e;
      } catch (SSLHandshakeException e) {
        closeQuietly(c);
        // Usually certificates or trust that do not match, which retrying cannot fix; a few
        // tries still ride out a server that died in the middle of a handshake.
        if (++handshakeFailures >= HANDSHAKE_TRIES) {
          throw new RelayUnavailableException(
              ErrorCode.TLS_FAILED, "%s: TLS handshake failed: %s".formatted(what, e), e);
        }
        failure =
            new RelayUnavailableException(
                ErrorCode.UNAVAILABLE, "%s: %s (try %d)".formatted(what, e, tries), e);
      } catch (IOException e) {
        closeQuietly(c);
        failure =
            new RelayUnavailableException(
                ErrorCode.UNAVAILABLE, "%s: %s (try %d)".formatted(what, e, tries), e);
        if (pooled) {
          continue; // a pooled connection may have gone stale while idle: retry at once
        }
      }
      long delay = backoff.nextDelayMillis();
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) - giveUpNanos > 0) {
        throw failure;
      }
      log.info("{} failed ({}); retrying in {} ms", what, failure.getMessage(), delay);
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RelayUnavailableException(ErrorCode.UNAVAILABLE, what + ": interrupted", e);
      }
    }
  }

  private @Nullable ClientConnection pollIdle() {
    synchronized (idle) {
      return idle.pollFirst();
    }
  }

  private void giveBack(ClientConnection c) {
    synchronized (idle) {
      if (!closed && idle.size() < maxIdleConnections) {
        idle.addFirst(c);
        return;
      }
    }
    c.close();
  }

  private static void closeQuietly(@Nullable ClientConnection c) {
    if (c != null) {
      c.close();
    }
  }

  /** Closes idle connections; calls in progress finish and close theirs. */
  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      for (ClientConnection c : idle) {
        c.close();
      }
      idle.clear();
    }
  }

  /** Settings for a client; defaults are documented on each setter. */
  public static final class Builder {
    private final String host;
    private final int port;
    private @Nullable String token;
    private @Nullable SSLContext tls;
    private boolean insecureLoopback;
    private Compression compression = Compression.AUTO;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration ioTimeout = Duration.ofMinutes(2);
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration retryBudget = Duration.ofMinutes(2);
    private long maxPayloadBytes = 1L << 30;
    private int maxIdleConnections = 4;

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /** The job's access token (from {@link org.excamera.rendezvous.JobTokens#issue}). */
    public Builder token(String t) {
      this.token = t;
      return this;
    }

    /** Talk TLS 1.3 with this context (see {@link org.excamera.rendezvous.tls.TlsContexts}). */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Talk plaintext; allowed only to a loopback address. */
    public Builder insecureLoopback() {
      this.insecureLoopback = true;
      return this;
    }

    /** Chunk compression for publishes (default {@link Compression#AUTO}). */
    public Builder compression(Compression c) {
      this.compression = c;
      return this;
    }

    /** TCP connect and TLS handshake timeout (default 10 s). */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** Longest silence from the server inside a publish or delete (default 2 min). */
    public Builder ioTimeout(Duration d) {
      this.ioTimeout = d;
      return this;
    }

    /**
     * How often the server confirms a waiting fetch (default 5 s); three missed heartbeats count as
     * a lost connection.
     */
    public Builder heartbeat(Duration d) {
      this.heartbeat = d;
      return this;
    }

    /** How long a call keeps retrying a failing server (default 2 min). */
    public Builder retryBudget(Duration d) {
      this.retryBudget = d;
      return this;
    }

    /** Largest state this client sends or accepts (default 1 GiB). */
    public Builder maxPayloadBytes(long n) {
      this.maxPayloadBytes = n;
      return this;
    }

    /** Idle connections kept for reuse (default 4). */
    public Builder maxIdleConnections(int n) {
      this.maxIdleConnections = n;
      return this;
    }

    public RendezvousClient build() {
      return new RendezvousClient(this);
    }
  }
}
