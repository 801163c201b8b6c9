package org.excamera.codec;

import org.excamera.codec.picture.Picture;

/**
 * What decoding one frame gives: the state for the next frame, the reconstructed picture (loop
 * filtered), and whether the frame is shown ({@code show_frame}; hidden frames only update the
 * state).
 */
public record DecodeResult(DecoderState next, Picture picture, boolean shown) {}
