package org.excamera.codec.header;

import java.util.ArrayList;
import java.util.List;
import org.excamera.codec.bool.BoolDecoder;
import org.excamera.codec.bool.BoolEncoder;

/**
 * The interframe-only tail of the frame header (RFC 6386 §9.10, §19.2): {@code prob_intra}, {@code
 * prob_last}, {@code prob_gf}, optional new luma (4) and chroma (3) mode probabilities (empty lists
 * when not sent; they persist like the coefficient probabilities) and the MV probability updates.
 * Key frames carry {@link #NONE}.
 */
public record InterProbs(
    int probIntra,
    int probLast,
    int probGf,
    List<Integer> intra16x16Probs,
    List<Integer> intraChromaProbs,
    MvProbUpdates mvProbUpdates) {

  /** Key frames have none of these. */
  public static final InterProbs NONE =
      new InterProbs(0, 0, 0, List.of(), List.of(), MvProbUpdates.NONE);

  public InterProbs {
    intra16x16Probs = List.copyOf(intra16x16Probs);
    intraChromaProbs = List.copyOf(intraChromaProbs);
    check(probIntra);
    check(probLast);
    check(probGf);
    if ((!intra16x16Probs.isEmpty() && intra16x16Probs.size() != 4)
        || (!intraChromaProbs.isEmpty() && intraChromaProbs.size() != 3)) {
      throw new IllegalArgumentException("mode probability updates need 4 and 3 entries");
    }
    intra16x16Probs.forEach(InterProbs::check);
    intraChromaProbs.forEach(InterProbs::check);
  }

  private static void check(int p) {
    if (p < 0 || p > 255) {
      throw new IllegalArgumentException("probability out of range: " + p);
    }
  }

  /** Reads the section. */
  public static InterProbs read(BoolDecoder in) {
    int intra = in.readLiteral(8);
    int last = in.readLiteral(8);
    int gf = in.readLiteral(8);
    List<Integer> y = new ArrayList<>();
    if (in.readFlag()) {
      for (int i = 0; i < 4; i++) {
        y.add(in.readLiteral(8));
      }
    }
    List<Integer> uv = new ArrayList<>();
    if (in.readFlag()) {
      for (int i = 0; i < 3; i++) {
        uv.add(in.readLiteral(8));
      }
    }
    return new InterProbs(intra, last, gf, y, uv, MvProbUpdates.read(in));
  }

  /** Writes what {@link #read} reads. */
  public void write(BoolEncoder out) {
    out.writeLiteral(probIntra, 8);
    out.writeLiteral(probLast, 8);
    out.writeLiteral(probGf, 8);
    out.writeFlag(!intra16x16Probs.isEmpty());
    for (int p : intra16x16Probs) {
      out.writeLiteral(p, 8);
    }
    out.writeFlag(!intraChromaProbs.isEmpty());
    for (int p : intraChromaProbs) {
      out.writeLiteral(p, 8);
    }
    mvProbUpdates.write(out);
  }
}
