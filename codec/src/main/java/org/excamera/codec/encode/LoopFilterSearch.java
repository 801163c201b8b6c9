package org.excamera.codec.encode;

import java.util.Arrays;
import org.excamera.codec.header.FrameHeader;
import org.excamera.codec.header.LoopFilterHeader;
import org.excamera.codec.loopfilter.LoopFilterPass;
import org.excamera.codec.picture.Picture;
import org.excamera.codec.picture.PictureBuilder;
import org.excamera.codec.picture.Plane;
import org.excamera.codec.state.FilterAdjustments;
import org.excamera.codec.state.Segmentation;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * Chooses a frame's loop filter level (RFC 6386 §15): the level whose filtered reconstruction is
 * most similar to the raw image by libvpx's SSIM ({@link Ssim}; 0.8·Y + 0.1·U + 0.1·V over the
 * display area). The filter is the decoder's own pass ({@link LoopFilterPass}) over a copy of the
 * unfiltered reconstruction, with the frame's header, segmentation and filter adjustments, so the
 * measured picture is the one a decoder will show. Search, coarse to fine: from a starting level
 * near where the best lies for the quantizer (a third of its index), steps of 2 in the direction
 * that improves until it no longer does; then of the two odd levels beside the best only the one on
 * the side where a parabola through the best and its two neighbours peaks (both when they are not
 * concave), which saves a filter pass and a measurement per frame at no measurable loss of SSIM
 * (the curve is smooth at this scale). Ties keep the lower level. Deterministic.
 */
public final class LoopFilterSearch {
  private final ParsedFrame frame;
  private final Segmentation segmentation;
  private final FilterAdjustments adjustments;
  private final Picture unfiltered;
  private final BlockSsim[] planes;
  private final double[] scores = new double[64];

  /**
   * A search for {@code frame} (its header's level is replaced), reconstructed without filtering as
   * {@code unfiltered}, against {@code target} (same size).
   *
   * @param segmentation segmentation values after the frame's header update
   * @param adjustments filter adjustments after the frame's header update
   */
  public LoopFilterSearch(
      ParsedFrame frame,
      Segmentation segmentation,
      FilterAdjustments adjustments,
      Picture unfiltered,
      Picture target) {
    if (!unfiltered.dimensions().equals(target.dimensions())) {
      throw new IllegalArgumentException(
          "reconstruction %s and target %s differ in size"
              .formatted(unfiltered.dimensions(), target.dimensions()));
    }
    this.frame = frame;
    this.segmentation = segmentation;
    this.adjustments = adjustments;
    this.unfiltered = unfiltered;
    int w = target.width();
    int h = target.height();
    int cw = (w + 1) >> 1;
    int ch = (h + 1) >> 1;
    this.planes =
        cw < 8 || ch < 8
            ? new BlockSsim[] {new BlockSsim(target.y(), w, h)}
            : new BlockSsim[] {
              new BlockSsim(target.y(), w, h),
              new BlockSsim(target.u(), cw, ch),
              new BlockSsim(target.v(), cw, ch)
            };
    Arrays.fill(scores, Double.NaN);
  }

  /** The level with the highest SSIM found starting from {@code start} (0..63). */
  public int bestLevel(int start) {
    if (start < 0 || start > 63) {
      throw new IllegalArgumentException("loop filter level must be 0..63: " + start);
    }
    int best = start;
    int down = better(best, best - 2);
    if (down != best) {
      best = down;
      for (int next = better(best, best - 2); next != best; next = better(best, best - 2)) {
        best = next;
      }
    } else {
      for (int next = better(best, best + 2); next != best; next = better(best, best + 2)) {
        best = next;
      }
    }
    // Both neighbours at distance 2 are measured now (where they exist): the odd level between
    // is tested only on the side where a parabola through the three points peaks.
    int side = best >= 2 && best <= 61 ? parabolaSide(best) : NO_PEAK;
    if (side != NO_PEAK) {
      return side == 0 ? best : better(best, best + side);
    }
    int next = better(best, best - 1);
    return next != best ? next : better(best, best + 1);
  }

  private static final int NO_PEAK = 2;

  /**
   * −1, 0 or +1: the rounded offset of the peak of the parabola through levels {@code best − 2},
   * {@code best} and {@code best + 2}; {@link #NO_PEAK} when the three are not concave, and then
   * {@link #bestLevel} tests both odd neighbours.
   */
  private int parabolaSide(int best) {
    double below = ssim(best - 2);
    double centre = ssim(best);
    double above = ssim(best + 2);
    double curvature = below - 2 * centre + above;
    if (!(curvature < 0)) {
      return NO_PEAK;
    }
    // Peak at best + 2·t with t = (below − above) / (2·curvature), |t| ≤ 1/2 since centre is best.
    double offset = (below - above) / curvature;
    if (offset >= 0.5) {
      return 1;
    }
    return offset <= -0.5 ? -1 : 0;
  }

  /** A starting level for quantizer index {@code qIndex}: about where the best level lies. */
  public static int startingLevel(int qIndex) {
    return Math.min(63, qIndex / 3);
  }

  /** SSIM of the reconstruction filtered at {@code level}. */
  public double ssim(int level) {
    if (Double.isNaN(scores[level])) {
      scores[level] = measure(level == 0 ? unfiltered : filtered(level));
    }
    return scores[level];
  }

  private int better(int best, int level) {
    if (level < 0 || level > 63 || level == best) {
      return best;
    }
    double s = ssim(level);
    double b = ssim(best);
    return s > b || (s == b && level < best) ? level : best;
  }

  /** The unfiltered reconstruction filtered at {@code level}. */
  public Picture filtered(int level) {
    FrameHeader h = frame.header();
    LoopFilterHeader lf = h.loopFilter().withLoopFilterLevel(level);
    PictureBuilder canvas = PictureBuilder.copyOf(unfiltered);
    LoopFilterPass.run(frame.withHeader(h.withLoopFilter(lf)), segmentation, adjustments, canvas);
    return canvas.freeze();
  }

  private double measure(Picture p) {
    double y = planes[0].measure(p.y());
    if (planes.length == 1) {
      return y;
    }
    return 0.8 * y + 0.1 * (planes[1].measure(p.u()) + planes[2].measure(p.v()));
  }

  /** libvpx's frame SSIM of two pictures over their display areas. */
  public static double frameSsim(Picture a, Picture b) {
    int w = a.width();
    int h = a.height();
    double y = plane(a.y(), b.y(), w, h);
    int cw = (w + 1) >> 1;
    int ch = (h + 1) >> 1;
    if (cw < 8 || ch < 8) {
      return y;
    }
    return 0.8 * y + 0.1 * (plane(a.u(), b.u(), cw, ch) + plane(a.v(), b.v(), cw, ch));
  }

  private static double plane(Plane a, Plane b, int w, int h) {
    return Ssim.plane(
        a.samplesUnsafe(), a.origin(), a.stride(), b.samplesUnsafe(), b.origin(), b.stride(), w, h);
  }
}
