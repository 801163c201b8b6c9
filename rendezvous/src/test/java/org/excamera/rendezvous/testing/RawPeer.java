package org.excamera.rendezvous.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.excamera.rendezvous.ErrorCode;

/** A hand-driven connection that sends arbitrary bytes, to test how the server meets bad input. */
public final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public RawPeer(int port) throws IOException {
    this(port, 0);
  }

  /**
   * With {@code receiveBuffer > 0}, a small receive buffer, so that a peer that stops reading
   * blocks the server's writes quickly.
   */
  public RawPeer(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** A header with every field chosen by the test. */
  public static byte[] header(int magic, int version, int type, int flags, long length) {
    return ByteBuffer.allocate(12)
        .putInt(magic)
        .putShort((short) version)
        .put((byte) type)
        .put((byte) flags)
        .putInt((int) length)
        .array();
  }

  public void send(byte[]... parts) throws IOException {
    for (byte[] p : parts) {
      out.write(p);
    }
    out.flush();
  }

  /** A frame the server sent: its type code and body. */
  @SuppressWarnings("ArrayRecordComponent") // a test's view of bytes off the wire, never compared
  public record Frame(int type, byte[] body) {
    /** The code of an ERROR frame. */
    public ErrorCode errorCode() {
      return ErrorCode.fromWire((body[0] & 0xFF) << 8 | body[1] & 0xFF);
    }
  }

  public Frame read() throws IOException {
    byte[] h = new byte[12];
    in.readFully(h);
    ByteBuffer b = ByteBuffer.wrap(h);
    b.getInt();
    b.getShort();
    int type = b.get() & 0xFF;
    b.get();
    int len = b.getInt();
    if (len < 0 || len > (1 << 20)) {
      throw new IOException("implausible frame length " + len);
    }
    byte[] body = new byte[len];
    in.readFully(body);
    return new Frame(type, body);
  }

  /** Whether the server closed the connection (reads end of stream or a reset). */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (EOFException e) {
      return true;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
