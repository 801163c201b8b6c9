package org.excamera.rendezvous.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that injects disconnects: the first {@code cuts} connections through it are
 * reset once {@code afterBytes} bytes have flowed in either direction; later ones pass untouched.
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final long afterBytes;
  private final AtomicInteger cutsLeft;
  private final AtomicInteger cutsDone = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>(); // guarded by itself
  private final Thread acceptor;

  public CuttingProxy(int targetPort, int cuts, long afterBytes) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.afterBytes = afterBytes;
    this.cutsLeft = new AtomicInteger(cuts);
    this.acceptor = new Thread(this::acceptLoop, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections cut so far. */
  public int cuts() {
    return cutsDone.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        boolean cut = cutsLeft.getAndDecrement() > 0;
        pump(client, server, cut ? afterBytes : Long.MAX_VALUE, "up");
        pump(server, client, cut ? afterBytes : Long.MAX_VALUE, "down");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, long limit, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              long moved = 0;
              try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                  int want = (int) Math.min(buf.length, limit - moved);
                  if (want == 0) {
                    if (!from.isClosed()) {
                      cutsDone.incrementAndGet();
                    }
                    from.setSoLinger(true, 0); // reset both sides, like a dropped link
                    to.setSoLinger(true, 0);
                    from.close();
                    to.close();
                    return;
                  }
                  int n = in.read(buf, 0, want);
                  if (n < 0) {
                    to.shutdownOutput();
                    return;
                  }
                  out.write(buf, 0, n);
                  moved += n;
                }
              } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "cutting-proxy-" + name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already broken
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        closeQuietly(s);
      }
    }
  }
}
