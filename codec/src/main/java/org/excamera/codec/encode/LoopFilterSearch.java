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
 * near where the best lies for the quantizer (a third of its index), steps of 2, then 1, each
 * repeated in the direction that improves until it no longer does; ties keep the lower level.
 * Deterministic.
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
    for (int step = 2; step >= 1; step >>= 1) {
      int down = better(best, best - step);
      if (down != best) {
        best = down;
        for (int next = better(best, best - step); next != best; next = better(best, best - step)) {
          best = next;
        }
        continue;
      }
      for (int next = better(best, best + step); next != best; next = better(best, best + step)) {
        best = next;
      }
    }
    return best;
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
