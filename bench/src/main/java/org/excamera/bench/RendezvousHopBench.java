package org.excamera.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.excamera.rendezvous.Compression;
import org.excamera.rendezvous.JobTokens;
import org.excamera.rendezvous.Sha256;
import org.excamera.rendezvous.StateKey;
import org.excamera.rendezvous.client.RendezvousClient;
import org.excamera.rendezvous.relay.StateStore;
import org.excamera.rendezvous.server.RendezvousServer;
import org.excamera.rendezvous.server.ServerSettings;
import org.excamera.rendezvous.tls.TlsContexts;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hop latency and throughput of the rendezvous for 11 MiB states on loopback, against copying the
 * same bytes over a plain loopback socket.
 *
 * <p>A hop is what the serial chain waits for: a reader is already waiting (FETCH sent), the writer
 * publishes, and the hop ends when the reader holds the verified bytes. The baseline sends the
 * bytes over one kept-open TCP connection into an array on the other side. Both are measured {@code
 * --iterations} times (default 30) after {@code --warmup} rounds (default 10), interleaved; medians
 * are reported, and the ratio {@code socket time / hop time} (1.0 would mean the relay costs
 * nothing over a direct copy) with its quartiles and the load average, since other processes on the
 * machine move it more than most changes to the relay do.
 *
 * <p>Usage: {@code scripts/bench-rendezvous [--iterations N] [--warmup N] [--size BYTES]
 * [--data-dir DIR] [--compression NONE|DEFLATE] [--tls] [--cpu-breakdown]}. With {@code --tls} it
 * also copies over a TLS socket; it reports the CPU time of all threads per copy and per hop, and
 * with {@code --cpu-breakdown} per thread.
 */
@Command(
    name = "bench-rendezvous",
    description =
        "Hop latency and throughput of the rendezvous against a plain loopback socket copy.")
public final class RendezvousHopBench implements Callable<Integer> {
  private static final PrintStream out = System.out;

  // 30 after 10: with 15 after 5 the median ratio moved by up to 0.1 between back-to-back runs on
  // the shared cores (the socket copy alone spans 5-20 ms), and the JIT was still compiling the
  // relay's paths in the first measured rounds.
  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "measured rounds (default: ${DEFAULT-VALUE})")
  private int iterations = 30;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "unmeasured rounds first (default: ${DEFAULT-VALUE})")
  private int warmup = 10;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      description = "state size (default: ${DEFAULT-VALUE})")
  private int size = 11 << 20;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "where the relay stores states: a new folder inside DIR (default: a temporary"
              + " folder)")
  private @Nullable Path dataDirParent;

  @Option(
      names = "--compression",
      paramLabel = "NONE|DEFLATE",
      description = "the writer's chunk encoding (default: ${DEFAULT-VALUE})")
  private Compression compression = Compression.NONE;

  // A relay serves job after job: each job's states stay until the job is deleted, and then its
  // files are reused for new publishes (SpareFiles). 10 hops a job after 10 warm-up rounds: the
  // first job, with no spares yet, is the warm-up, and every measured hop writes over a spare.
  @Option(
      names = "--hops-per-job",
      paramLabel = "N",
      description =
          "delete the job after every N hops, as a finished job is (default: ${DEFAULT-VALUE};"
              + " 0: one job for all rounds, so every publish writes a new file)")
  private int hopsPerJob = 10;

  @Option(
      names = "--spare-mb",
      paramLabel = "MB",
      description = "the relay's budget of spare files (default: the server's, 512; 0: none)")
  private long spareMb = StateStore.DEFAULT_SPARE_BYTES >> 20;

  @Option(names = "--tls", description = "also copy over TLS and hop over a TLS relay")
  private boolean tls;

  @Option(names = "--cpu-breakdown", description = "report CPU time per thread")
  private boolean breakdown;

  @Mixin private final HelpOption help = new HelpOption();

  private Path dataDir = Path.of("");

  private RendezvousHopBench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new RendezvousHopBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    dataDir =
        dataDirParent == null
            ? Files.createTempDirectory("rendezvous-bench-")
            : Files.createTempDirectory(dataDirParent, "rzb-");
    run();
    return 0;
  }

  private void run() throws Exception {
    byte[] state = pictureLike(size);
    Sha256 digest = Sha256.digest(state);
    out.printf(
        "rendezvous hop benchmark: %d-byte states, %d iterations after %d warm-up, %d cores,"
            + " data dir %s, %s, spare files up to %d MiB, compression %s, %s, load average"
            + " %.2f%n",
        size,
        iterations,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        dataDir,
        hopsPerJob > 0
            ? "the job deleted after every " + hopsPerJob + " hops"
            : "one job, never deleted",
        spareMb,
        compression,
        tls ? "TLS 1.3 (self-signed, made by keytool)" : "plaintext",
        loadAverage());
    double[] socket = new double[iterations];
    double[] socketCpu = new double[iterations];
    Map<String, Long> threadCpu = new TreeMap<>();
    double[] hopCpu = new double[iterations];
    double[] socketSha = new double[iterations];
    double[] ratioSha = new double[iterations];
    double[] hop = new double[iterations];
    double[] ack = new double[iterations];
    double[] stored = new double[iterations];
    double[] ratio = new double[iterations];
    JobTokens tokens =
        JobTokens.withSecret("rendezvous-bench-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    ServerSettings.Builder sb =
        ServerSettings.builder(dataDir.resolve("store"), tokens)
            .maxPayloadBytes(1L << 30)
            .spareBytes(spareMb << 20);
    SSLContext clientTls = null;
    SSLContext serverTls = null;
    if (tls) {
      Path[] pem = selfSigned(dataDir);
      serverTls = TlsContexts.server(pem[0], pem[1], null);
      sb.tls(serverTls).bindAddress(InetAddress.getLoopbackAddress());
      clientTls = TlsContexts.clientFromFiles(pem[0], null, null);
    } else {
      sb.insecureLoopback();
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    double[] socketTls = new double[iterations];
    double[] ratioTls = new double[iterations];
    try (SocketPair pair = new SocketPair();
        SocketPair tlsPair = new SocketPair(serverTls, clientTls);
        RendezvousServer server = RendezvousServer.start(sb.build(), registry);
        RendezvousClient writer =
            client(server, tokens, clientTls).compression(compression).build();
        RendezvousClient reader = client(server, tokens, clientTls).build()) {
      // Interleaved, so that both see the same machine load (other processes share the cores).
      for (int i = -warmup; i < iterations; i++) {
        long c0 = cpuNanos();
        double s = pair.copy(state, digest, pool, false);
        long c1 = cpuNanos();
        double sSha = pair.copy(state, digest, pool, true);
        double sTls = tls ? tlsPair.copy(state, digest, pool, false) : 0;
        StateKey key = new StateKey(0, i + warmup, "bench");
        Future<Received> fetched =
            pool.submit(
                () -> {
                  byte[] got = reader.fetch("bench", key, Duration.ofMinutes(2));
                  long done = System.nanoTime();
                  long cpu = cpuNanos();
                  Map<String, Long> perThread = breakdown ? cpuByThread() : Map.of();
                  check(Arrays.equals(got, state), "relay changed the bytes");
                  return new Received(done, cpu, perThread);
                });
        long waitFrom = System.nanoTime();
        while (registry.get("rendezvous.waiters").gauge().value() < 1) {
          check(System.nanoTime() - waitFrom < 10_000_000_000L, "reader never waited");
          Thread.onSpinWait();
        }
        Map<String, Long> before = breakdown ? cpuByThread() : Map.of();
        long t0 = System.nanoTime();
        long h0 = cpuNanos();
        writer.publish("bench", key, state);
        long acked = System.nanoTime();
        Received done = fetched.get(2, TimeUnit.MINUTES);
        long received = done.nanos();
        long h1 = done.cpu();
        if (i >= 0) {
          done.threads()
              .forEach((t, c) -> threadCpu.merge(t, c - before.getOrDefault(t, 0L), Long::sum));
        }
        long s0 = System.nanoTime();
        byte[] again = reader.fetch("bench", key, Duration.ZERO);
        long s1 = System.nanoTime();
        check(again.length == state.length, "stored fetch lost bytes");
        if (hopsPerJob > 0 && (i + warmup + 1) % hopsPerJob == 0) {
          writer.deleteJob("bench");
        }
        if (i >= 0) {
          socket[i] = s;
          socketCpu[i] = (c1 - c0) / 1e6;
          hopCpu[i] = (h1 - h0) / 1e6;
          socketSha[i] = sSha;
          hop[i] = (received - t0) / 1e6;
          ack[i] = (acked - t0) / 1e6;
          stored[i] = (s1 - s0) / 1e6;
          ratio[i] = socket[i] / hop[i];
          ratioSha[i] = socketSha[i] / hop[i];
          socketTls[i] = sTls;
          ratioTls[i] = sTls / hop[i];
        }
      }
    } finally {
      pool.shutdownNow();
      deleteTree(dataDir);
    }
    double mb = size / 1e6;
    out.printf(
        "plain socket copy : median %7.2f ms  min %7.2f ms  %8.1f MB/s%n",
        median(socket), min(socket), mb / (median(socket) / 1e3));
    out.printf(
        "socket + SHA-256  : median %7.2f ms  min %7.2f ms  %8.1f MB/s (receiver verifies)%n",
        median(socketSha), min(socketSha), mb / (median(socketSha) / 1e3));
    if (tls) {
      out.printf(
          "TLS socket copy   : median %7.2f ms  min %7.2f ms  %8.1f MB/s (TLS 1.3, JDK)%n",
          median(socketTls), min(socketTls), mb / (median(socketTls) / 1e3));
    }
    out.printf(
        "rendezvous hop    : median %7.2f ms  min %7.2f ms  %8.1f MB/s%n",
        median(hop), min(hop), mb / (median(hop) / 1e3));
    out.printf(
        "publish ack       : median %7.2f ms (the state, its rename and directory fsynced)%n",
        median(ack));
    out.printf(
        "fetch of stored   : median %7.2f ms  %8.1f MB/s%n",
        median(stored), mb / (median(stored) / 1e3));
    out.printf(
        "CPU per transfer  : socket copy %.2f ms, hop %.2f ms (medians, all threads)%n",
        median(socketCpu), median(hopCpu));
    out.printf(
        "throughput ratio (socket time / hop time, median of per-iteration ratios): %.2f"
            + "   (target >= 0.5; quartiles %.2f-%.2f, load average %.2f at the end)%n",
        median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75), loadAverage());
    out.printf(
        "CPU ratio (socket copy CPU / hop CPU, medians): %.2f   (moves less with the load)%n",
        median(socketCpu) / median(hopCpu));
    out.printf(
        "ratio against a socket copy plus SHA-256 at the receiver (as v1 fetches did): %.2f%n",
        median(ratioSha));
    if (tls) {
      out.printf("ratio against a TLS socket copy of the same bytes: %.2f%n", median(ratioTls));
    }
    if (breakdown) {
      threadCpu.forEach(
          (t, c) -> {
            if (c > iterations * 100_000L) {
              out.printf("  CPU of %-24s %6.2f ms per hop%n", t, c / 1e6 / iterations);
            }
          });
    }
  }

  /**
   * CPU time of the live threads of this process (the server, both clients, the socket pair, the
   * JIT and GC), in nanoseconds. Unlike wall time it barely depends on what else the machine runs.
   */
  private static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      sum += Math.max(0, threads.getThreadCpuTime(id));
    }
    return sum;
  }

  /** When the reader held the bytes, the process CPU time then, and per thread if asked. */
  private record Received(long nanos, long cpu, Map<String, Long> threads) {}

  /** CPU nanoseconds of each live thread, by thread name. */
  private static Map<String, Long> cpuByThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null) {
        out.merge(
            t.getThreadName(), Math.max(0, threads.getThreadCpuTime(t.getThreadId())), Long::sum);
      }
    }
    return out;
  }

  /** A kept-open loopback connection; {@link #copy} sends the state into an array across it. */
  private static final class SocketPair implements AutoCloseable {
    private final ServerSocket listener;
    private final Socket sender;
    private final Socket receiver;

    SocketPair() throws IOException {
      this(null, null);
    }

    /** With contexts, a TLS 1.3 connection (its handshake happens in the first, warm-up copy). */
    SocketPair(@Nullable SSLContext serverTls, @Nullable SSLContext clientTls) throws IOException {
      InetAddress lo = InetAddress.getLoopbackAddress();
      if (serverTls == null || clientTls == null) {
        listener = new ServerSocket(0, 1, lo);
        sender = new Socket(lo, listener.getLocalPort());
      } else {
        listener = serverTls.getServerSocketFactory().createServerSocket(0, 1, lo);
        SSLSocket s =
            (SSLSocket) clientTls.getSocketFactory().createSocket(lo, listener.getLocalPort());
        s.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
        sender = s;
      }
      receiver = listener.accept();
      sender.setTcpNoDelay(true);
      receiver.setTcpNoDelay(true);
    }

    /**
     * Milliseconds from the first byte written to the last byte read into the array (and, with
     * {@code verify}, hashed with SHA-256 by the receiver as it reads).
     */
    double copy(byte[] state, Sha256 expected, ExecutorService pool, boolean verify)
        throws Exception {
      InputStream is = receiver.getInputStream();
      OutputStream os = sender.getOutputStream();
      Future<byte[]> received =
          pool.submit(
              () -> {
                byte[] dst = new byte[state.length];
                MessageDigest md = Sha256.newDigest();
                int n = 0;
                while (n < dst.length) {
                  int k = is.read(dst, n, dst.length - n);
                  if (k < 0) {
                    throw new IOException("socket closed after " + n + " bytes");
                  }
                  if (verify) {
                    md.update(dst, n, k);
                  }
                  n += k;
                }
                if (verify) {
                  check(Sha256.of(md.digest()).equals(expected), "socket copy changed the bytes");
                }
                return dst;
              });
      long t0 = System.nanoTime();
      os.write(state);
      os.flush();
      byte[] got = received.get(60, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      check(got.length == state.length, "socket copy lost bytes");
      return (t1 - t0) / 1e6;
    }

    @Override
    public void close() throws IOException {
      receiver.close();
      sender.close();
      listener.close();
    }
  }

  private static RendezvousClient.Builder client(
      RendezvousServer server, JobTokens tokens, @Nullable SSLContext tls) {
    RendezvousClient.Builder b =
        RendezvousClient.builder("127.0.0.1:" + server.port())
            .token(tokens.issue("bench"))
            .maxPayloadBytes(1L << 30);
    return tls == null ? b.insecureLoopback() : b.tls(tls);
  }

  /** A self-signed certificate for 127.0.0.1 made by keytool: {certificate PEM, key PEM}. */
  private static Path[] selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("bench.p12");
    String password = "bench-only";
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-keypass",
                password,
                "-alias",
                "bench",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "1")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    check(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, password.toCharArray());
    }
    Base64.Encoder b64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    Path cert = dir.resolve("bench.crt.pem");
    Path key = dir.resolve("bench.key.pem");
    Files.writeString(
        cert,
        "-----BEGIN CERTIFICATE-----\n"
            + b64.encodeToString(ks.getCertificate("bench").getEncoded())
            + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + b64.encodeToString(ks.getKey("bench", password.toCharArray()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
    return new Path[] {cert, key};
  }

  /** Bytes like a decoder state's pictures: smooth gradients with noise (seeded, reproducible). */
  private static byte[] pictureLike(int size) {
    byte[] b = new byte[size];
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ((i % 3840) / 16 + r.nextInt(6));
    }
    return b;
  }

  private static double median(double[] v) {
    return quantile(v, 0.5);
  }

  /** The {@code q} quantile, interpolated between the two nearest ranks. */
  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    double rank = q * (s.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (rank - lo) * (s[hi] - s[lo]);
  }

  /** The system's one-minute load average (other processes share the cores), or -1 if unknown. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.forEach(paths::add);
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(paths.get(i));
    }
  }
}
