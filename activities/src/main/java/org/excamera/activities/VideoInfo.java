package org.excamera.activities;

/**
 * What the split learned about the source.
 *
 * @param width luma width
 * @param height luma height
 * @param rateNumerator frames per second = numerator / denominator (0:0 if the source says none)
 * @param rateDenominator see numerator
 * @param frames number of frames
 * @param rawBytes bytes of one raw I420 frame
 */
public record VideoInfo(
    int width, int height, int rateNumerator, int rateDenominator, int frames, long rawBytes) {

  /** Duration in seconds, assuming 30 fps when the source names no rate. */
  public double seconds() {
    if (rateNumerator <= 0 || rateDenominator <= 0) {
      return frames / 30.0;
    }
    return frames * (double) rateDenominator / rateNumerator;
  }
}
