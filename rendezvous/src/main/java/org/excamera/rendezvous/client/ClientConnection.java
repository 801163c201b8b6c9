package org.excamera.rendezvous.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.zip.CRC32C;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.excamera.rendezvous.Crc32c;
import org.excamera.rendezvous.DigestMismatchException;
import org.excamera.rendezvous.ErrorCode;
import org.excamera.rendezvous.PayloadTooLargeException;
import org.excamera.rendezvous.ProtocolViolationException;
import org.excamera.rendezvous.PublishOutcome;
import org.excamera.rendezvous.RendezvousException;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.tls.TlsContexts;
import org.excamera.rendezvous.wire.ChunkDecoder;
import org.excamera.rendezvous.wire.ChunkEncoder;
import org.excamera.rendezvous.wire.ChunkHeader;
import org.excamera.rendezvous.wire.DeleteJobRequest;
import org.excamera.rendezvous.wire.ErrorReply;
import org.excamera.rendezvous.wire.FetchRequest;
import org.excamera.rendezvous.wire.FrameHeader;
import org.excamera.rendezvous.wire.FrameReader;
import org.excamera.rendezvous.wire.FrameType;
import org.excamera.rendezvous.wire.FrameWriter;
import org.excamera.rendezvous.wire.Protocol;
import org.excamera.rendezvous.wire.PublishRequest;
import org.excamera.rendezvous.wire.Replies;
import org.excamera.rendezvous.wire.WireFormatException;
import org.jspecify.annotations.Nullable;

/**
 * One connection to the server, used by one request at a time. Every method either completes its
 * exchange (the connection may be reused) or throws; after a throw the caller closes it.
 */
final class ClientConnection implements AutoCloseable {
  private static final int IO_BUFFER = 64 * 1024;

  /**
   * Read buffer: a header read fills it from the socket, so a larger one would pass that much of
   * every DATA frame through one more copy; payload reads of at least this size bypass it.
   */
  private static final int READ_BUFFER = 8 * 1024;

  /**
   * Raw bytes per DATA frame sent. The server shows a frame to readers once all of it is checked,
   * so a waiting reader's copy starts one frame behind the writer and ends one frame after it: 256
   * KiB keeps that lag a fortieth of an 11 MiB state, at 44 frame headers per state.
   */
  static final int SEND_CHUNK = 256 * 1024;

  /** Bytes read and checksummed at a time: they are still in the cache for the checksum. */
  private static final int RECEIVE_PIECE = 128 * 1024;

  private final Socket socket;
  private final FrameReader reader;
  private final FrameWriter writer;
  private final byte[] chunkHeader = new byte[Protocol.CHUNK_HEADER_BYTES];
  private byte[] scratch = new byte[0];
  private @Nullable ChunkDecoder decoder;

  private ClientConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), READ_BUFFER));
    this.writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream(), IO_BUFFER));
  }

  static ClientConnection open(
      String host, int port, @Nullable SSLContext tls, Duration connectTimeout) throws IOException {
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      plain.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      plain.setSoTimeout((int) connectTimeout.toMillis());
      if (tls == null) {
        return new ClientConnection(plain);
      }
      SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters p = ssl.getSSLParameters();
      p.setProtocols(new String[] {TlsContexts.PROTOCOL});
      p.setEndpointIdentificationAlgorithm("HTTPS");
      if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
        p.setServerNames(java.util.List.of(new SNIHostName(host)));
      }
      ssl.setSSLParameters(p);
      ssl.startHandshake();
      return new ClientConnection(ssl);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  PublishOutcome publish(
      String token, String job, StateKey key, byte[] state, boolean deflate, Duration ioTimeout)
      throws IOException {
    socket.setSoTimeout((int) ioTimeout.toMillis());
    writer.write(FrameType.PUBLISH, new PublishRequest(token, job, key, state.length).encode());
    writer.flush();
    FrameHeader ready = reader.readHeaderOrThrow();
    if (ready.type() != FrameType.READY) {
      throw unexpected(ready, "READY");
    }
    Crc32c crc;
    try (ChunkEncoder chunks = new ChunkEncoder(writer, deflate)) {
      for (int off = 0; off < state.length; off += SEND_CHUNK) {
        chunks.writeChunk(state, off, Math.min(SEND_CHUNK, state.length - off));
      }
      crc = chunks.checksum();
    }
    writer.write(FrameType.PUBLISH_END, Replies.checksum(crc));
    writer.flush();
    FrameHeader done = reader.readHeaderOrThrow();
    if (done.type() != FrameType.PUBLISHED) {
      throw unexpected(done, "PUBLISHED");
    }
    byte[] body = reader.readBody(done);
    PublishOutcome outcome = Replies.readPublishedOutcome(body);
    Crc32c acked = Replies.readPublishedChecksum(body);
    if (!acked.equals(crc)) {
      throw new ProtocolViolationException(
          ErrorCode.MALFORMED_FRAME,
          "job %s key %s: server acknowledged %s for %s".formatted(job, key, acked, crc));
    }
    return outcome;
  }

  /**
   * Fetches a state, waiting on the server up to {@code timeoutMillis}. The socket's read timeout
   * allows three missed heartbeats before the connection counts as lost.
   */
  byte[] fetch(
      String token,
      String job,
      StateKey key,
      long timeoutMillis,
      Duration heartbeat,
      long maxPayloadBytes)
      throws IOException {
    int hb = (int) Math.max(1, heartbeat.toMillis());
    socket.setSoTimeout(3 * hb + 2000);
    writer.write(FrameType.FETCH, new FetchRequest(token, job, key, timeoutMillis, hb).encode());
    writer.flush();
    while (true) {
      FrameHeader h = reader.readHeaderOrThrow();
      switch (h.type()) {
        case WAITING -> {
          // the server is still waiting for a publish
        }
        case STATE_BEGIN -> {
          long rawLength = Replies.readStateBegin(reader.readBody(h));
          if (rawLength > maxPayloadBytes || rawLength > Integer.MAX_VALUE - 16) {
            throw new PayloadTooLargeException(
                "job %s key %s: state of %d bytes exceeds this client's limit of %d"
                    .formatted(job, key, rawLength, maxPayloadBytes));
          }
          byte[] state = receive(job, key, (int) rawLength);
          if (state != null) {
            return state;
          }
        }
        default -> throw unexpected(h, "WAITING or STATE_BEGIN");
      }
    }
  }

  /**
   * Receives DATA frames up to STATE_END, checking each frame's running CRC32C as it arrives; null
   * if the server says the publish aborted.
   */
  private byte @Nullable [] receive(String job, StateKey key, int rawLength) throws IOException {
    byte[] state = new byte[rawLength];
    CRC32C running = new CRC32C();
    int pos = 0;
    while (true) {
      FrameHeader h = reader.readHeaderOrThrow();
      switch (h.type()) {
        case DATA -> {
          int n = Math.min(h.length(), Protocol.CHUNK_HEADER_BYTES);
          reader.readFully(chunkHeader, 0, n);
          ChunkHeader c = ChunkHeader.parse(chunkHeader, 0, h.length());
          if (c.rawLength() > rawLength - pos) {
            throw new ProtocolViolationException(
                ErrorCode.MALFORMED_FRAME,
                "job %s key %s: chunks exceed the announced %d bytes"
                    .formatted(job, key, rawLength));
          }
          if (c.deflated()) {
            if (scratch.length < c.encodedLength()) {
              scratch = new byte[Protocol.MAX_DATA_BODY];
            }
            reader.readFully(scratch, 0, c.encodedLength());
            decoder().inflate(scratch, 0, c.encodedLength(), state, pos, c.rawLength());
            running.update(state, pos, c.rawLength());
          } else {
            // In pieces, each checksummed while it is still in the cache.
            for (int done = 0; done < c.rawLength(); ) {
              int piece = Math.min(RECEIVE_PIECE, c.rawLength() - done);
              reader.readFully(state, pos + done, piece);
              running.update(state, pos + done, piece);
              done += piece;
            }
          }
          pos += c.rawLength();
          Crc32c actual = Crc32c.of(running);
          if (!actual.equals(c.runningCrc())) {
            throw new DigestMismatchException(
                "job %s key %s: bytes up to %d have %s, published with %s"
                    .formatted(job, key, pos, actual, c.runningCrc()));
          }
        }
        case WAITING -> {
          // the publish being relayed is slow
        }
        case ABORTED -> {
          reader.readBody(h);
          return null;
        }
        case STATE_END -> {
          Crc32c declared = Replies.readChecksum(FrameType.STATE_END, reader.readBody(h));
          if (pos != rawLength) {
            throw new ProtocolViolationException(
                ErrorCode.MALFORMED_FRAME,
                "job %s key %s: got %d of %d bytes".formatted(job, key, pos, rawLength));
          }
          Crc32c actual = Crc32c.of(running);
          if (!actual.equals(declared)) {
            throw new DigestMismatchException(
                "job %s key %s: received bytes have %s, published as %s"
                    .formatted(job, key, actual, declared));
          }
          return state;
        }
        default -> throw unexpected(h, "DATA, STATE_END or ABORTED");
      }
    }
  }

  boolean deleteJob(String token, String job, Duration ioTimeout) throws IOException {
    socket.setSoTimeout((int) ioTimeout.toMillis());
    writer.write(FrameType.DELETE_JOB, new DeleteJobRequest(token, job).encode());
    writer.flush();
    FrameHeader h = reader.readHeaderOrThrow();
    if (h.type() != FrameType.DELETED) {
      throw unexpected(h, "DELETED");
    }
    return Replies.readDeleted(reader.readBody(h));
  }

  /** The server's ERROR as a typed exception, or a protocol violation for anything else. */
  private RendezvousException unexpected(FrameHeader h, String expected) throws IOException {
    if (h.type() == FrameType.ERROR) {
      ErrorReply e = ErrorReply.decode(reader.readBody(h));
      return RendezvousException.from(e.code(), e.message());
    }
    return new ProtocolViolationException(
        ErrorCode.UNEXPECTED_FRAME, "server sent %s, expected %s".formatted(h.type(), expected));
  }

  private ChunkDecoder decoder() {
    ChunkDecoder d = decoder;
    if (d == null) {
      d = new ChunkDecoder();
      decoder = d;
    }
    return d;
  }

  static RendezvousException fromWire(WireFormatException e) {
    return new ProtocolViolationException(e.code(), "server sent a bad frame: " + e.getMessage());
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a broken connection; nothing to do
    }
    ChunkDecoder d = decoder;
    if (d != null) {
      d.close();
    }
  }
}
