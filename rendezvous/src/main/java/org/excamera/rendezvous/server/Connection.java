package org.excamera.rendezvous.server;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.DigestMismatchException;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.JobDeletedException;
import org.excamera.rendezvous.PayloadTooLargeException;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.RelayUnavailableException;
import org.excamera.rendezvous.RendezvousException;
import org.excamera.rendezvous.StateConflictException;
import org.excamera.rendezvous.TokenRejectedException;
import org.excamera.rendezvous.relay.Attempt;
import org.excamera.rendezvous.relay.BufferPool;
import org.excamera.rendezvous.relay.Progress;
import org.excamera.rendezvous.relay.StateStore;
import org.excamera.rendezvous.relay.Tail;
import org.excamera.rendezvous.tls.TlsContexts;
import org.excamera.rendezvous.wire.ChunkDecoder;
import org.excamera.rendezvous.wire.ChunkHeader;
import org.excamera.rendezvous.wire.DeleteJobRequest;
import org.excamera.rendezvous.wire.ErrorReply;
import org.excamera.rendezvous.wire.FetchRequest;
import org.excamera.rendezvous.wire.FrameHeader;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.FrameWriter;
import org.excamera.rendezvous.wire.Protocol;
import org.excamera.rendezvous.wire.PublishRequest;
import org.excamera.rendezvous.wire.Replies;
import org.excamera.rendezvous.wire.WireFormatException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served on its own thread: requests one after another. A request-level
 * refusal (token, size, conflict, timeout) is answered and the connection stays; a protocol
 * violation is answered with its code and the connection is closed. Holds no lock itself; the
 * store's locks are never held across the socket I/O done here.
 */
final class Connection implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final int IO_BUFFER = 64 * 1024;
  private static final int WINDOW = 64 * 1024;

  private final CRC32C running = new CRC32C(); // of the publish being received
  private final byte[] prefix = new byte[Protocol.HEADER_BYTES + Protocol.CHUNK_HEADER_BYTES];

  private final SocketChannel channel;
  private final long id;
  private final ServerSettings settings;
  private final StateStore store;
  private final BufferPool buffers;
  private final ServerMetrics metrics;
  private final Consumer<Connection> onGone;
  private final String peer;
  volatile @Nullable Thread thread;

  /**
   * When the blocking write in progress began ({@code System.nanoTime()}, never 0), or 0 when not
   * writing: the server's watchdog closes a connection whose peer stopped reading.
   */
  private volatile long writingSince;

  /**
   * When the blocking read in progress on a plaintext channel times out ({@code System.nanoTime()},
   * never 0), or 0 when not reading: channel reads have no timeout of their own, so the server's
   * watchdog closes the connection past it. TLS reads use the socket's timeout instead.
   */
  private volatile long readDeadline;

  private long readTimeoutNanos;
  private @Nullable Socket socket;
  private @Nullable ConnectionInput reader;
  private @Nullable FrameWriter writer;
  private @Nullable ChunkDecoder decoder;

  Connection(
      SocketChannel channel,
      long id,
      ServerSettings settings,
      StateStore store,
      BufferPool buffers,
      ServerMetrics metrics,
      Consumer<Connection> onGone) {
    this.channel = channel;
    this.id = id;
    this.settings = settings;
    this.store = store;
    this.buffers = buffers;
    this.metrics = metrics;
    this.onGone = onGone;
    String p;
    try {
      p = String.valueOf(channel.getRemoteAddress());
    } catch (IOException e) {
      p = "(unknown peer)";
    }
    this.peer = p;
  }

  long id() {
    return id;
  }

  @Override
  public void run() {
    try {
      open();
      while (serveOne()) {
        // next request
      }
    } catch (WireFormatException e) {
      metrics.rejected(e.code());
      log.warn("connection {} from {}: {}; closing", id, peer, e.getMessage());
      replyQuietly(e.code(), e.getMessage());
    } catch (SocketTimeoutException e) {
      log.debug("connection {} from {} timed out", id, peer);
    } catch (EOFException e) {
      log.debug("connection {} from {} closed by the peer", id, peer);
    } catch (SSLException e) {
      log.warn("connection {} from {}: TLS failed: {}", id, peer, e.getMessage());
    } catch (IOException e) {
      log.debug("connection {} from {} failed: {}", id, peer, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RendezvousException e) {
      metrics.rejected(e.code());
      log.warn("connection {} from {}: {}; closing", id, peer, e.getMessage());
      replyQuietly(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("connection {} from {} failed", id, peer, e);
      replyQuietly(ErrorCode.INTERNAL, "internal error: " + e);
    } finally {
      close();
      ChunkDecoder d = decoder;
      if (d != null) {
        d.close();
      }
      onGone.accept(this);
    }
  }

  private void open() throws IOException {
    Socket plain = channel.socket();
    plain.setTcpNoDelay(true);
    plain.setKeepAlive(true);
    plain.setSoTimeout((int) settings.ioTimeout.toMillis());
    readTimeoutNanos = settings.ioTimeout.toNanos();
    Socket s = plain;
    SSLContext tls = settings.tls;
    if (tls == null) {
      reader = ConnectionInput.ofChannel(this::readChannel);
    } else {
      SSLSocket ssl =
          (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
      ssl.setUseClientMode(false);
      ssl.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
      ssl.setNeedClientAuth(settings.requireClientCertificates);
      ssl.startHandshake();
      s = ssl;
      reader = ConnectionInput.ofStream(ssl.getInputStream());
    }
    socket = s;
    writer = new FrameWriter(new BufferedOutputStream(new Watched(s.getOutputStream()), IO_BUFFER));
  }

  /** Serves one request; false when the peer closed the connection between requests. */
  private boolean serveOne() throws IOException, InterruptedException {
    readTimeout(settings.idleTimeout);
    FrameHeader h = reader().readHeader();
    if (h == null) {
      return false;
    }
    readTimeout(settings.ioTimeout);
    switch (h.type()) {
      case PUBLISH -> {
        return publish(PublishRequest.decode(reader().readBody(h)));
      }
      case FETCH -> fetch(FetchRequest.decode(reader().readBody(h)));
      case DELETE_JOB -> delete(DeleteJobRequest.decode(reader().readBody(h)));
      default ->
          throw new WireFormatException(
              ErrorCode.UNEXPECTED_FRAME, h.type() + " frame where a request was expected");
    }
    return true;
  }

  private void authorize(String token, String job) {
    if (token.isEmpty()) {
      throw new TokenRejectedException(ErrorCode.MISSING_TOKEN, "no token for job " + job);
    }
    if (!settings.tokens.verify(job, token)) {
      throw new TokenRejectedException(ErrorCode.BAD_TOKEN, "the token does not open job " + job);
    }
  }

  /** Answers a typed refusal; the connection stays usable. */
  private void refuse(RendezvousException e) throws IOException {
    metrics.rejected(e.code());
    if (e instanceof TokenRejectedException) {
      log.warn("connection {} from {}: {}", id, peer, e.getMessage());
    } else {
      log.debug("connection {} from {}: {}", id, peer, e.getMessage());
    }
    reply(e.code(), e.getMessage());
  }

  private void reply(ErrorCode code, @Nullable String message) throws IOException {
    FrameWriter w = writer();
    w.write(FrameType.ERROR, new ErrorReply(code, String.valueOf(message)).encode());
    w.flush();
  }

  private void replyQuietly(ErrorCode code, @Nullable String message) {
    if (writer == null) {
      return;
    }
    try {
      reply(code, message);
    } catch (IOException e) {
      log.debug("connection {}: could not send {}", id, code, e);
    }
  }

  /** Returns whether the connection is still in step with the client. */
  private boolean publish(PublishRequest r) throws IOException, InterruptedException {
    try {
      authorize(r.token(), r.job());
      if (r.rawLength() > settings.maxPayloadBytes) {
        throw new PayloadTooLargeException(
            "%s: %d bytes exceed the limit of %d"
                .formatted(r.describe(), r.rawLength(), settings.maxPayloadBytes));
      }
    } catch (TokenRejectedException | PayloadTooLargeException e) {
      refuse(e);
      return true;
    }
    ByteBuffer buffer = acquire(RendezvousServer.PUBLISH_BUFFER);
    if (buffer == null) {
      refuse(busy());
      return true;
    }
    ByteBuffer window = null;
    Attempt attempt = null;
    long started = System.nanoTime();
    try {
      attempt = store.beginPublish(r.job(), r.key(), r.rawLength());
      FrameWriter w = writer();
      w.writeEmpty(FrameType.READY);
      w.flush();
      running.reset();
      long raw = 0;
      ConnectionInput in = reader();
      while (true) {
        FrameHeader h = in.readHeaderOrThrow();
        if (h.type() == FrameType.DATA) {
          // Streamed through the buffer; readers see the frame once all of it is checked.
          FrameWriter.encodeHeader(prefix, 0, FrameType.DATA, h.length());
          int first = Math.min(h.length(), Protocol.CHUNK_HEADER_BYTES);
          in.readFully(prefix, Protocol.HEADER_BYTES, first);
          ChunkHeader c = ChunkHeader.parse(prefix, Protocol.HEADER_BYTES, h.length());
          if (raw + c.rawLength() > r.rawLength()) {
            throw new WireFormatException(
                ErrorCode.MALFORMED_FRAME,
                "%s: chunks exceed the declared %d bytes".formatted(r.describe(), r.rawLength()));
          }
          attempt.write(prefix, 0, prefix.length);
          if (c.deflated()) {
            if (window == null) {
              window = acquire(WINDOW);
              if (window == null) {
                throw new RelayUnavailableException(ErrorCode.BUSY, "out of buffer memory", null);
              }
            }
            decoder().begin();
          }
          ByteBuffer inflateWindow = c.deflated() ? window : null;
          int left = c.encodedLength();
          while (left > 0) {
            ByteBuffer piece = in.next(buffer, left);
            left -= piece.remaining();
            int at = piece.position();
            if (inflateWindow != null) {
              attempt.write(piece);
              decoder().feed(running, piece.position(at), c.rawLength(), inflateWindow);
            } else {
              running.update(piece);
              attempt.write(piece.position(at));
            }
          }
          if (inflateWindow != null) {
            decoder().end(c.rawLength());
          }
          raw += c.rawLength();
          Crc32c actual = Crc32c.of(running);
          if (!actual.equals(c.runningCrc())) {
            throw new WireFormatException(
                ErrorCode.DIGEST_MISMATCH,
                "%s: bytes up to %d have %s, the frame says %s"
                    .formatted(r.describe(), raw, actual, c.runningCrc()));
          }
          attempt.publishWritten();
        } else if (h.type() == FrameType.PUBLISH_END) {
          Crc32c declared = Replies.readChecksum(FrameType.PUBLISH_END, in.readBody(h));
          if (raw != r.rawLength()) {
            throw new WireFormatException(
                ErrorCode.MALFORMED_FRAME,
                "%s: %d bytes sent, %d declared".formatted(r.describe(), raw, r.rawLength()));
          }
          Crc32c actual = Crc32c.of(running);
          if (!actual.equals(declared)) {
            throw new DigestMismatchException(
                "%s: bytes have %s, declared %s".formatted(r.describe(), actual, declared));
          }
          PublishOutcome outcome = store.finish(attempt, declared, buffer);
          metrics.published(outcome, raw); // before the reply: a client may read meters next
          w.write(FrameType.PUBLISHED, Replies.published(outcome, declared));
          w.flush();
          log.debug(
              "published {} ({} bytes, {}) in {} ms",
              r.describe(),
              raw,
              outcome,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          return true;
        } else {
          throw new WireFormatException(
              ErrorCode.UNEXPECTED_FRAME, h.type() + " frame inside a publish");
        }
      }
    } catch (StateConflictException | DigestMismatchException | JobDeletedException e) {
      // Raised at PUBLISH_END: the client has sent everything and reads our answer.
      metrics.publishFailed();
      refuse(e);
      return true;
    } catch (IOException | RuntimeException e) {
      metrics.publishFailed();
      throw e;
    } finally {
      if (attempt != null) {
        store.abort(attempt);
      }
      buffers.release(buffer);
      if (window != null) {
        buffers.release(window);
      }
    }
  }

  private void fetch(FetchRequest r) throws IOException, InterruptedException {
    try {
      authorize(r.token(), r.job());
    } catch (TokenRejectedException e) {
      refuse(e);
      return;
    }
    long started = System.nanoTime();
    long timeout = Math.min(r.timeoutMillis(), settings.maxFetchTimeout.toMillis());
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeout);
    long heartbeat = TimeUnit.MILLISECONDS.toNanos(Math.max(10, r.heartbeatMillis()));
    FrameWriter w = writer();
    ByteBuffer copyBuffer = null;
    boolean waitRecorded = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Tail tail = store.awaitSource(r.job(), r.key(), Math.min(Math.max(left, 0), heartbeat));
        if (tail == null) {
          if (System.nanoTime() - deadline >= 0) {
            metrics.fetchTimedOut();
            reply(
                ErrorCode.TIMEOUT,
                "job %s key %s: nothing published within %d ms"
                    .formatted(r.job(), r.key(), timeout));
            return;
          }
          w.writeEmpty(FrameType.WAITING);
          w.flush();
          continue;
        }
        try (tail) {
          if (!waitRecorded) {
            waitRecorded = true;
            metrics.waited(System.nanoTime() - started);
          }
          if (settings.tls != null && copyBuffer == null) {
            copyBuffer = acquire(IO_BUFFER);
            if (copyBuffer == null) {
              throw new RelayUnavailableException(ErrorCode.BUSY, "out of buffer memory", null);
            }
          }
          w.write(FrameType.STATE_BEGIN, Replies.stateBegin(tail.rawLength()));
          if (serveTail(tail, heartbeat, copyBuffer)) {
            return;
          }
        }
      }
    } catch (JobDeletedException | RelayUnavailableException e) {
      metrics.fetchFailed();
      refuse(e);
    } finally {
      if (copyBuffer != null) {
        buffers.release(copyBuffer);
      }
    }
  }

  /** Streams one source; true when the state was delivered, false when its publish aborted. */
  private boolean serveTail(Tail tail, long heartbeat, @Nullable ByteBuffer copyBuffer)
      throws IOException, InterruptedException {
    FrameWriter w = writer();
    long pos = 0;
    while (true) {
      Progress p = tail.await(pos, heartbeat);
      switch (p.status()) {
        case DATA -> {
          copy(tail.channel(), pos, p.available() - pos, copyBuffer);
          pos = p.available();
        }
        case END -> {
          if (pos < p.available()) {
            copy(tail.channel(), pos, p.available() - pos, copyBuffer);
            pos = p.available();
          }
          Crc32c crc = p.crc();
          if (crc == null) {
            throw new AssertionError("END without a checksum");
          }
          metrics.fetchServed(pos);
          w.write(FrameType.STATE_END, Replies.checksum(crc));
          w.flush();
          return true;
        }
        case ABORTED -> {
          w.write(FrameType.ABORTED, Replies.text("the publish being relayed failed"));
          w.flush();
          return false;
        }
        case IDLE -> {
          w.writeEmpty(FrameType.WAITING);
          w.flush();
        }
      }
    }
  }

  /** Copies frames from the state file to the socket: sendfile in plaintext, a buffer in TLS. */
  private void copy(FileChannel from, long pos, long len, @Nullable ByteBuffer buffer)
      throws IOException {
    FrameWriter w = writer();
    if (buffer == null) {
      w.flush();
      long done = 0;
      while (done < len) {
        long n;
        writingSince = System.nanoTime() | 1;
        try {
          n = from.transferTo(pos + done, len - done, channel);
        } finally {
          writingSince = 0;
        }
        if (n <= 0) {
          throw new IOException("state file ended early at " + (pos + done));
        }
        done += n;
      }
      return;
    }
    long done = 0;
    while (done < len) {
      int want = (int) Math.min(buffer.capacity(), len - done);
      ByteBuffer b = buffer.clear().limit(want);
      while (b.hasRemaining()) {
        if (from.read(b, pos + done + b.position()) < 0) {
          throw new IOException("state file ended early at " + (pos + done + b.position()));
        }
      }
      w.writeRaw(buffer.array(), buffer.arrayOffset(), want);
      done += want;
    }
  }

  private void delete(DeleteJobRequest r) throws IOException {
    try {
      authorize(r.token(), r.job());
    } catch (TokenRejectedException e) {
      refuse(e);
      return;
    }
    boolean existed = store.deleteJob(r.job());
    FrameWriter w = writer();
    w.write(FrameType.DELETED, Replies.deleted(existed));
    w.flush();
  }

  private @Nullable ByteBuffer acquire(int size) throws InterruptedException {
    return buffers.acquire(size, settings.bufferWait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static RelayUnavailableException busy() {
    return new RelayUnavailableException(
        ErrorCode.BUSY, "the server's buffer memory is exhausted; try again", null);
  }

  /** Sets how long a read may block: on the TLS socket, and for the watchdog on plaintext. */
  private void readTimeout(java.time.Duration d) throws IOException {
    readTimeoutNanos = d.toNanos();
    Socket s = socket;
    if (s == null) {
      throw new IllegalStateException("connection not open");
    }
    s.setSoTimeout((int) d.toMillis());
  }

  /** A blocking read from the plaintext channel, watched by the server's watchdog. */
  private int readChannel(ByteBuffer dst) throws IOException {
    readDeadline = (System.nanoTime() + readTimeoutNanos) | 1;
    try {
      return channel.read(dst);
    } finally {
      readDeadline = 0;
    }
  }

  private ConnectionInput reader() {
    ConnectionInput r = reader;
    if (r == null) {
      throw new IllegalStateException("connection not open");
    }
    return r;
  }

  private FrameWriter writer() {
    FrameWriter w = writer;
    if (w == null) {
      throw new IllegalStateException("connection not open");
    }
    return w;
  }

  private ChunkDecoder decoder() {
    ChunkDecoder d = decoder;
    if (d == null) {
      d = new ChunkDecoder();
      decoder = d;
    }
    return d;
  }

  /** Whether a write has been blocked (the peer not reading) for longer than {@code limitNanos}. */
  boolean writeStuckFor(long limitNanos, long nowNanos) {
    long since = writingSince;
    return since != 0 && nowNanos - since > limitNanos;
  }

  /** Whether a plaintext read has been blocked past its timeout (the peer sent nothing). */
  boolean readTimedOut(long nowNanos) {
    long deadline = readDeadline;
    return deadline != 0 && nowNanos - deadline > 0;
  }

  /** Marks blocking writes to the socket for the watchdog. */
  private final class Watched extends java.io.FilterOutputStream {
    Watched(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writingSince = System.nanoTime() | 1;
      try {
        out.write(b, off, len);
      } finally {
        writingSince = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }

  /**
   * Closes the socket; safe from any thread, any number of times. Shuts the socket down first: on
   * Linux that wakes a thread blocked in {@code sendfile} on it, which a bare close does not.
   */
  void close() {
    // Output first, each on its own: the write side is what wakes a blocked sender, and a failing
    // input shutdown must not leave it undone.
    try {
      if (channel.isOpen()) {
        channel.shutdownOutput();
      }
    } catch (IOException | NotYetConnectedException e) {
      log.debug("shutting down the output of connection {} failed", id, e);
    }
    try {
      if (channel.isOpen()) {
        channel.shutdownInput();
      }
    } catch (IOException | NotYetConnectedException e) {
      log.debug("shutting down the input of connection {} failed", id, e);
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing connection {} failed", id, e);
    }
  }
}
