package org.excamera.codec.state;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.excamera.codec.CorruptFrameException;
import org.excamera.codec.UnsupportedFeatureException;
import org.excamera.codec.picture.Dimensions;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.tables.CoefficientTables;

/**
 * The binary form of a decoder state (design §3). Layout, all integers big-endian:
 *
 * <pre>
 *   magic "XCS1"  u16 format version (1)  u16 section count
 *   sections, each: 4-byte tag, u32 payload length, payload
 *     DIMS  u16 width, u16 height
 *     PROB  1056 coefficient, 4 luma mode, 3 chroma mode, 38 MV probabilities
 *     SEGM  u8 absolute, 4 x s8 quantizer, 4 x s8 filter level, u32 map length, map
 *     FADJ  4 x s8 reference deltas, 4 x s8 mode deltas
 *     REFS  u8 picture count n (0..3), u8 x 3 picture index of last/golden/altref,
 *           n pictures: the Y, U, V coded areas row by row (macroblock-aligned, no border)
 *   trailer: 32-byte SHA-256 of everything before it
 * </pre>
 *
 * Pictures equal in content are stored once, so the form (and {@link #digest}) depends only on the
 * state's value. Truncated, corrupted or inconsistent input gives {@link CorruptFrameException},
 * another format version {@link UnsupportedFeatureException}.
 */
public final class StateSerializer {
  private static final byte[] MAGIC = "XCS1".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int DIGEST_SIZE = 32;
  private static final String[] TAGS = {"DIMS", "PROB", "SEGM", "FADJ", "REFS"};

  private StateSerializer() {}

  /** A deserialized state's parts. */
  public record Parts(
      Dimensions dimensions,
      ProbabilityTables probabilities,
      Segmentation segmentation,
      FilterAdjustments filterAdjustments,
      References references) {}

  /** Serializes the parts of a state. */
  public static byte[] write(
      Dimensions dims,
      ProbabilityTables probs,
      Segmentation seg,
      FilterAdjustments adj,
      References refs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    writeU16(out, VERSION);
    writeU16(out, TAGS.length);
    section(out, "DIMS", dimsPayload(dims));
    section(out, "PROB", probPayload(probs));
    section(out, "SEGM", segPayload(seg));
    section(out, "FADJ", adjPayload(adj));
    section(out, "REFS", refsPayload(refs));
    byte[] body = out.toByteArray();
    byte[] digest = sha256(body, body.length);
    byte[] result = Arrays.copyOf(body, body.length + DIGEST_SIZE);
    System.arraycopy(digest, 0, result, body.length, DIGEST_SIZE);
    return result;
  }

  /** Hex SHA-256 of the serialized form. */
  public static String digest(
      Dimensions dims,
      ProbabilityTables probs,
      Segmentation seg,
      FilterAdjustments adj,
      References refs) {
    byte[] s = write(dims, probs, seg, adj, refs);
    return HexFormat.of().formatHex(s, s.length - DIGEST_SIZE, s.length);
  }

  private static byte[] dimsPayload(Dimensions d) {
    return ByteBuffer.allocate(4).putShort((short) d.width()).putShort((short) d.height()).array();
  }

  private static byte[] probPayload(ProbabilityTables p) {
    ByteBuffer b = ByteBuffer.allocate(CoefficientTables.COEFF_PROB_COUNT + 4 + 3 + 38);
    b.put(p.coefficients().toBytes());
    for (ProbabilityVector v : List.of(p.yModeProbs(), p.uvModeProbs(), p.mvProbs())) {
      for (int x : v.toIntArray()) {
        b.put((byte) x);
      }
    }
    return b.array();
  }

  private static byte[] segPayload(Segmentation s) {
    byte[] map = s.map();
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + map.length);
    b.put((byte) (s.absoluteValues() ? 1 : 0));
    for (int i = 0; i < 4; i++) {
      b.put((byte) s.quantizer(i));
    }
    for (int i = 0; i < 4; i++) {
      b.put((byte) s.filterLevel(i));
    }
    b.putInt(map.length);
    b.put(map);
    return b.array();
  }

  private static byte[] adjPayload(FilterAdjustments f) {
    byte[] b = new byte[8];
    for (int i = 0; i < 4; i++) {
      b[i] = (byte) f.refFrameDelta(i);
      b[4 + i] = (byte) f.modeDelta(i);
    }
    return b;
  }

  private static byte[] refsPayload(References refs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!refs.present()) {
      out.write(0);
      out.writeBytes(new byte[] {0, 0, 0});
      return out.toByteArray();
    }
    List<Picture> distinct = new ArrayList<>(3);
    int[] index = new int[3];
    Picture[] all = {refs.last(), refs.golden(), refs.altref()};
    for (int r = 0; r < 3; r++) {
      int found = -1;
      for (int i = 0; i < distinct.size(); i++) {
        if (distinct.get(i).equals(all[r])) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        distinct.add(all[r]);
        found = distinct.size() - 1;
      }
      index[r] = found;
    }
    out.write(distinct.size());
    for (int i : index) {
      out.write(i);
    }
    for (Picture p : distinct) {
      for (int plane = 0; plane < 3; plane++) {
        var pl = p.plane(plane);
        byte[] row = new byte[pl.width()];
        for (int y = 0; y < pl.height(); y++) {
          pl.copyRow(y, row, 0, row.length);
          out.writeBytes(row);
        }
      }
    }
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, String tag, byte[] payload) {
    out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
    out.writeBytes(payload);
  }

  private static void writeU16(ByteArrayOutputStream out, int v) {
    out.write(v >> 8);
    out.write(v);
  }

  /** Reads a serialized state. */
  public static Parts read(byte[] data) {
    if (data.length < MAGIC.length + 4 + DIGEST_SIZE) {
      throw new CorruptFrameException(
          "state truncated: %d bytes is shorter than any state".formatted(data.length));
    }
    if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new CorruptFrameException("not a serialized decoder state (bad magic)");
    }
    ByteBuffer b = ByteBuffer.wrap(data, 0, data.length - DIGEST_SIZE);
    b.position(MAGIC.length);
    int version = b.getShort() & 0xFFFF;
    if (version != VERSION) {
      throw new UnsupportedFeatureException(
          "decoder state format version %d, this build reads version %d"
              .formatted(version, VERSION));
    }
    byte[] expected = sha256(data, data.length - DIGEST_SIZE);
    if (!Arrays.equals(expected, 0, DIGEST_SIZE, data, data.length - DIGEST_SIZE, data.length)) {
      throw new CorruptFrameException("decoder state digest mismatch: truncated or corrupted");
    }
    int count = b.getShort() & 0xFFFF;
    if (count != TAGS.length) {
      throw new CorruptFrameException("decoder state has %d sections, expected 5".formatted(count));
    }
    ByteBuffer[] payloads = new ByteBuffer[TAGS.length];
    for (int i = 0; i < TAGS.length; i++) {
      if (b.remaining() < 8) {
        throw new CorruptFrameException("decoder state truncated in section header " + TAGS[i]);
      }
      byte[] tag = new byte[4];
      b.get(tag);
      String t = new String(tag, StandardCharsets.US_ASCII);
      if (!t.equals(TAGS[i])) {
        throw new CorruptFrameException(
            "decoder state section %d is '%s', expected %s".formatted(i, t, TAGS[i]));
      }
      int len = b.getInt();
      if (len < 0 || len > b.remaining()) {
        throw new CorruptFrameException(
            "decoder state section %s declares %d bytes, %d remain"
                .formatted(t, len, b.remaining()));
      }
      payloads[i] = b.slice(b.position(), len);
      b.position(b.position() + len);
    }
    if (b.hasRemaining()) {
      throw new CorruptFrameException(
          "decoder state has %d stray bytes after its sections".formatted(b.remaining()));
    }
    try {
      Dimensions dims = readDims(payloads[0]);
      ProbabilityTables probs = readProbs(payloads[1]);
      Segmentation seg = readSeg(payloads[2], dims);
      FilterAdjustments adj = readAdj(payloads[3]);
      References refs = readRefs(payloads[4], dims);
      return new Parts(dims, probs, seg, adj, refs);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new CorruptFrameException("decoder state is inconsistent: " + e.getMessage(), e);
    }
  }

  private static void expectEnd(ByteBuffer b, String section) {
    if (b.hasRemaining()) {
      throw new CorruptFrameException(
          "decoder state section %s has %d stray bytes".formatted(section, b.remaining()));
    }
  }

  private static Dimensions readDims(ByteBuffer b) {
    Dimensions d = new Dimensions(b.getShort() & 0xFFFF, b.getShort() & 0xFFFF);
    expectEnd(b, "DIMS");
    return d;
  }

  private static ProbabilityTables readProbs(ByteBuffer b) {
    byte[] coeff = new byte[CoefficientTables.COEFF_PROB_COUNT];
    b.get(coeff);
    ProbabilityTables p =
        new ProbabilityTables(
            CoefficientProbabilities.fromBytes(coeff),
            ProbabilityVector.of(unsigned(b, 4)),
            ProbabilityVector.of(unsigned(b, 3)),
            ProbabilityVector.of(unsigned(b, 38)));
    expectEnd(b, "PROB");
    return p;
  }

  private static int[] unsigned(ByteBuffer b, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = b.get() & 0xFF;
    }
    return v;
  }

  private static Segmentation readSeg(ByteBuffer b, Dimensions dims) {
    boolean abs = b.get() != 0;
    int[] q = new int[4];
    int[] lf = new int[4];
    for (int i = 0; i < 4; i++) {
      q[i] = b.get();
    }
    for (int i = 0; i < 4; i++) {
      lf[i] = b.get();
    }
    int len = b.getInt();
    int mbs = dims.mbCols() * dims.mbRows();
    if (len != 0 && len != mbs) {
      throw new CorruptFrameException(
          "segment map has %d entries, the size %s has %d macroblocks".formatted(len, dims, mbs));
    }
    byte[] map = new byte[len];
    b.get(map);
    expectEnd(b, "SEGM");
    return Segmentation.of(abs, q, lf, map);
  }

  private static FilterAdjustments readAdj(ByteBuffer b) {
    int[] r = new int[4];
    int[] m = new int[4];
    for (int i = 0; i < 4; i++) {
      r[i] = b.get();
    }
    for (int i = 0; i < 4; i++) {
      m[i] = b.get();
    }
    expectEnd(b, "FADJ");
    return FilterAdjustments.of(r, m);
  }

  private static References readRefs(ByteBuffer b, Dimensions dims) {
    int n = b.get() & 0xFF;
    int[] index = {b.get() & 0xFF, b.get() & 0xFF, b.get() & 0xFF};
    if (n == 0) {
      expectEnd(b, "REFS");
      return References.NONE;
    }
    if (n > 3 || !dims.isKnown()) {
      throw new CorruptFrameException("decoder state has %d reference pictures".formatted(n));
    }
    for (int i : index) {
      if (i >= n) {
        throw new CorruptFrameException("reference picture index %d of %d".formatted(i, n));
      }
    }
    long perPicture = (long) dims.mbCols() * dims.mbRows() * 384;
    if (perPicture * n != b.remaining()) {
      throw new CorruptFrameException(
          "reference pictures need %d bytes, the section holds %d"
              .formatted(perPicture * n, b.remaining()));
    }
    Picture[] pictures = new Picture[n];
    for (int i = 0; i < n; i++) {
      PictureBuilder pb = PictureBuilder.blank(dims);
      for (int plane = 0; plane < 3; plane++) {
        byte[] d = pb.data(plane);
        int w = pb.width(plane);
        for (int y = 0; y < pb.height(plane); y++) {
          b.get(d, pb.origin(plane) + y * pb.stride(plane), w);
        }
      }
      pictures[i] = pb.freeze();
    }
    return References.of(pictures[index[0]], pictures[index[1]], pictures[index[2]]);
  }

  private static byte[] sha256(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, 0, length);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
