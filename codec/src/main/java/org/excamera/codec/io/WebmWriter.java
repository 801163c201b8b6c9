package org.excamera.codec.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes VP8 frames into a WebM (Matroska) file: the EBML header, one Segment with Info, one video
 * track ({@code V_VP8}) and Clusters of SimpleBlocks, millisecond timecodes. A new Cluster starts
 * at every key frame and whenever a block's offset from its Cluster would overflow 16 bits. Hidden
 * frames ({@code show_frame = 0}) get the SimpleBlock "invisible" flag. Element sizes are written
 * as 8-byte EBML integers; a Cluster is held in memory until it ends, and the Segment's size is
 * patched on {@link #close()}.
 */
public final class WebmWriter implements Closeable {
  private static final int EBML = 0x1A45DFA3;
  private static final int SEGMENT = 0x18538067;
  private static final int INFO = 0x1549A966;
  private static final int TRACKS = 0x1654AE6B;
  private static final int CLUSTER = 0x1F43B675;
  private static final int SIMPLE_BLOCK = 0xA3;
  private static final long NANOS_PER_TICK = 1_000_000L;

  private final FileChannel out;
  private final long segmentSizeOffset;
  private final long rate;
  private final long scale;
  private long clusterTimecode = Long.MIN_VALUE;
  private @Nullable Ebml cluster;
  private long frames;

  private WebmWriter(FileChannel out, IvfHeader stream) throws IOException {
    this.out = out;
    this.rate = stream.rate() == 0 ? 30 : stream.rate();
    this.scale = stream.scale() == 0 ? 1 : stream.scale();
    Ebml header = new Ebml();
    header.uint(0x4286, 1).uint(0x42F7, 1).uint(0x42F2, 4).uint(0x42F3, 8);
    header.string(0x4282, "webm").uint(0x4287, 2).uint(0x4285, 2);
    put(new Ebml().master(EBML, header).bytes());
    put(Ebml.id(SEGMENT));
    segmentSizeOffset = out.position();
    put(Ebml.size(0));
    Ebml info = new Ebml().uint(0x2AD7B1, NANOS_PER_TICK);
    info.string(0x4D80, "excamera").string(0x5741, "excamera");
    put(new Ebml().master(INFO, info).bytes());
    Ebml video = new Ebml().uint(0xB0, stream.width()).uint(0xBA, stream.height());
    Ebml entry = new Ebml().uint(0xD7, 1).uint(0x73C5, 1).uint(0x83, 1);
    entry.string(0x86, "V_VP8").uint(0x9C, 0);
    entry.uint(0x23E383, Math.round(1e9 * scale / rate));
    entry.master(0xE0, video);
    put(new Ebml().master(TRACKS, new Ebml().master(0xAE, entry)).bytes());
  }

  /** Creates (or truncates) a WebM file for a stream with the given IVF header's size and rate. */
  public static WebmWriter create(Path path, IvfHeader stream) throws IOException {
    FileChannel ch =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    try {
      return new WebmWriter(ch, stream);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Appends one frame. {@code pts} counts IVF timestamp units ({@code scale / rate} seconds) and
   * must not decrease.
   */
  public void write(long pts, byte[] frame) throws IOException {
    if (frame.length < 3) {
      throw new IllegalArgumentException("a VP8 frame has at least 3 bytes: " + frame.length);
    }
    boolean key = (frame[0] & 1) == 0;
    boolean shown = (frame[0] & 0x10) != 0;
    long timecode = Math.floorDiv(pts * 1000L * scale, rate);
    if (timecode < 0) {
      throw new IllegalArgumentException("negative timestamp: " + pts);
    }
    if (clusterTimecode == Long.MIN_VALUE || key || timecode - clusterTimecode > Short.MAX_VALUE) {
      if (timecode < clusterTimecode) {
        throw new IllegalArgumentException("timestamps must not decrease: " + pts);
      }
      flushCluster();
      clusterTimecode = timecode;
      cluster = new Ebml().uint(0xE7, timecode);
    }
    long relative = timecode - clusterTimecode;
    if (relative < 0) {
      throw new IllegalArgumentException("timestamps must not decrease: " + pts);
    }
    ByteBuffer block = ByteBuffer.allocate(4 + frame.length);
    block.put((byte) 0x81).putShort((short) relative);
    block.put((byte) ((key ? 0x80 : 0) | (shown ? 0 : 0x08)));
    block.put(frame);
    Ebml current = cluster;
    if (current == null) {
      throw new AssertionError("no open cluster");
    }
    current.raw(SIMPLE_BLOCK, block.array());
    frames++;
  }

  /** Frames written so far. */
  public long framesWritten() {
    return frames;
  }

  /** Patches the Segment size and closes the file. */
  @Override
  public void close() throws IOException {
    try (FileChannel ch = out) {
      flushCluster();
      long end = ch.position();
      ch.position(segmentSizeOffset);
      put(Ebml.size(end - segmentSizeOffset - 8));
      ch.position(end);
    }
  }

  /** Converts an IVF file (VP8) into a WebM file; returns the number of frames. */
  public static long fromIvf(Path ivf, Path webm) throws IOException {
    try (IvfReader in = IvfReader.open(ivf);
        WebmWriter w = create(webm, in.header())) {
      for (Optional<IvfFrame> f = in.next(); f.isPresent(); f = in.next()) {
        w.write(f.get().pts(), f.get().data());
      }
      return w.framesWritten();
    }
  }

  /** Writes the open Cluster (sizes known, so players need not scan for the next one). */
  private void flushCluster() throws IOException {
    Ebml current = cluster;
    if (current != null) {
      put(new Ebml().master(CLUSTER, current).bytes());
      cluster = null;
    }
  }

  private void put(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** A tiny EBML element builder: IDs as written, sizes as 8-byte EBML integers. */
  private static final class Ebml {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    static byte[] id(int id) {
      int n = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) (id >>> (8 * (n - 1 - i)));
      }
      return b;
    }

    static byte[] size(long size) {
      byte[] b = new byte[8];
      b[0] = 0x01;
      for (int i = 1; i < 8; i++) {
        b[i] = (byte) (size >>> (8 * (7 - i)));
      }
      return b;
    }

    Ebml uint(int id, long value) {
      int n = 8;
      while (n > 1 && (value >>> (8 * (n - 1))) == 0) {
        n--;
      }
      byte[] v = new byte[n];
      for (int i = 0; i < n; i++) {
        v[i] = (byte) (value >>> (8 * (n - 1 - i)));
      }
      return raw(id, v);
    }

    Ebml string(int id, String s) {
      return raw(id, s.getBytes(StandardCharsets.US_ASCII));
    }

    Ebml master(int id, Ebml child) {
      return raw(id, child.bytes());
    }

    Ebml raw(int id, byte[] body) {
      buf.writeBytes(id(id));
      buf.writeBytes(size(body.length));
      buf.writeBytes(body);
      return this;
    }

    byte[] bytes() {
      return buf.toByteArray();
    }
  }
}
