package org.excamera.rendezvous.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.relay.StateStore;
import org.jspecify.annotations.Nullable;

/**
 * How a server runs. Either TLS ({@link Builder#tls}) or {@link Builder#insecureLoopback}, which
 * serves plaintext and binds to the loopback address only.
 */
public final class ServerSettings {
  final InetAddress bindAddress;
  final int port;
  final Path dataDir;
  final JobTokens tokens;
  final @Nullable SSLContext tls;
  final boolean requireClientCertificates;
  final long memoryBudgetBytes;
  final long maxPayloadBytes;
  final int maxConnections;
  final Duration jobTtl;
  final long spareBytes;
  final Duration sweepInterval;
  final Duration ioTimeout;
  final Duration idleTimeout;
  final Duration bufferWait;
  final Duration maxFetchTimeout;
  final Clock clock;

  private ServerSettings(Builder b) {
    this.tls = b.tls;
    if (b.tls == null && !b.insecureLoopback) {
      throw new IllegalArgumentException(
          "the rendezvous server needs TLS, or an explicit insecure-loopback setting");
    }
    if (b.tls != null && b.insecureLoopback) {
      throw new IllegalArgumentException("choose TLS or insecure loopback, not both");
    }
    InetAddress bind =
        b.bindAddress != null
            ? b.bindAddress
            : b.insecureLoopback ? InetAddress.getLoopbackAddress() : anyAddress();
    if (b.insecureLoopback && !bind.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "insecure (plaintext) mode binds to loopback only, not " + bind.getHostAddress());
    }
    if (b.requireClientCertificates && b.tls == null) {
      throw new IllegalArgumentException("client certificates need TLS");
    }
    if (b.memoryBudgetBytes < RendezvousServer.BYTES_PER_PUBLISH) {
      throw new IllegalArgumentException(
          "memory budget %d is below one publish's buffers (%d)"
              .formatted(b.memoryBudgetBytes, RendezvousServer.BYTES_PER_PUBLISH));
    }
    this.bindAddress = bind;
    this.port = b.port;
    this.dataDir = Objects.requireNonNull(b.dataDir, "data directory");
    this.tokens = Objects.requireNonNull(b.tokens, "job tokens");
    this.requireClientCertificates = b.requireClientCertificates;
    this.memoryBudgetBytes = b.memoryBudgetBytes;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxConnections = b.maxConnections;
    this.jobTtl = b.jobTtl;
    if (b.spareBytes < 0) {
      throw new IllegalArgumentException("spare file budget must be >= 0, got " + b.spareBytes);
    }
    this.spareBytes = b.spareBytes;
    this.sweepInterval = b.sweepInterval;
    this.ioTimeout = b.ioTimeout;
    this.idleTimeout = b.idleTimeout;
    this.bufferWait = b.bufferWait;
    this.maxFetchTimeout = b.maxFetchTimeout;
    this.clock = b.clock;
  }

  private static InetAddress anyAddress() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  public static Builder builder(Path dataDir, JobTokens tokens) {
    return new Builder(dataDir, tokens);
  }

  public boolean isTls() {
    return tls != null;
  }

  /** Builder with the defaults documented on each setter. */
  public static final class Builder {
    private @Nullable InetAddress bindAddress;
    private int port;
    private final Path dataDir;
    private final JobTokens tokens;
    private @Nullable SSLContext tls;
    private boolean insecureLoopback;
    private boolean requireClientCertificates;
    private long memoryBudgetBytes = 64L << 20;
    private long maxPayloadBytes = 256L << 20;
    private int maxConnections = 4096;
    private Duration jobTtl = Duration.ofHours(24);
    private long spareBytes = StateStore.DEFAULT_SPARE_BYTES;
    private Duration sweepInterval = Duration.ofMinutes(1);
    private Duration ioTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration bufferWait = Duration.ofSeconds(10);
    private Duration maxFetchTimeout = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();

    private Builder(Path dataDir, JobTokens tokens) {
      this.dataDir = dataDir;
      this.tokens = tokens;
    }

    /** Address to bind (default: all addresses with TLS, loopback without). */
    public Builder bindAddress(InetAddress a) {
      this.bindAddress = a;
      return this;
    }

    /** Port (default 0: an ephemeral port, see {@link RendezvousServer#port()}). */
    public Builder port(int p) {
      this.port = p;
      return this;
    }

    /** Serve TLS 1.3 with this context. */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Require clients to present a certificate the TLS context trusts (mutual TLS). */
    public Builder requireClientCertificates(boolean require) {
      this.requireClientCertificates = require;
      return this;
    }

    /** Serve plaintext on the loopback address only (tests, single-machine runs). */
    public Builder insecureLoopback() {
      this.insecureLoopback = true;
      return this;
    }

    /**
     * Bytes of payload buffers the server may hold at once (default 64 MiB: a publish holds 64 KiB,
     * 128 KiB if it inflates; a TLS fetch 64 KiB; a plaintext fetch nothing).
     */
    public Builder memoryBudgetBytes(long n) {
      this.memoryBudgetBytes = n;
      return this;
    }

    /** Largest state accepted (default 256 MiB). */
    public Builder maxPayloadBytes(long n) {
      this.maxPayloadBytes = n;
      return this;
    }

    /** Connections served at once; more are answered BUSY (default 4096). */
    public Builder maxConnections(int n) {
      this.maxConnections = n;
      return this;
    }

    /** A job idle this long is deleted (default 24 h). */
    public Builder jobTtl(Duration d) {
      this.jobTtl = d;
      return this;
    }

    /**
     * Bytes of deleted jobs' files kept for reuse as part files (default 512 MiB; 0: none). Writing
     * over such a file costs about a quarter less CPU than writing a new one.
     */
    public Builder spareBytes(long n) {
      this.spareBytes = n;
      return this;
    }

    /** How often idle jobs are looked for (default 1 min). */
    public Builder sweepInterval(Duration d) {
      this.sweepInterval = d;
      return this;
    }

    /** Longest silence inside a request before the connection is dropped (default 30 s). */
    public Builder ioTimeout(Duration d) {
      this.ioTimeout = d;
      return this;
    }

    /** Longest silence between requests before the connection is closed (default 5 min). */
    public Builder idleTimeout(Duration d) {
      this.idleTimeout = d;
      return this;
    }

    /** How long a transfer waits for buffer memory before the answer is BUSY (default 10 s). */
    public Builder bufferWait(Duration d) {
      this.bufferWait = d;
      return this;
    }

    /** Cap on a fetch's timeout (default 1 h). */
    public Builder maxFetchTimeout(Duration d) {
      this.maxFetchTimeout = d;
      return this;
    }

    /** Clock for job TTLs (default UTC system clock; tests pass a fake). */
    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(this);
    }
  }
}
