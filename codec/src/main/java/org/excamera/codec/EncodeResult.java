package org.excamera.codec;

import org.excamera.codec.picture.Picture;
import org.excamera.codec.syntax.ParsedFrame;

/**
 * What encoding one frame gives: the compressed frame, the same frame as values (what {@code
 * Vp8Decoder.parse} reads back from it), and the state and picture that decoding it gives. The
 * state and picture come from decoding {@link #frame()} with {@link Vp8Decoder}, never from a
 * separate reconstruction, so {@code Vp8Decoder.decode(state, result.frame())} gives exactly {@link
 * #next()} and {@link #picture()}.
 */
public record EncodeResult(
    CompressedFrame frame, ParsedFrame parsed, DecoderState next, Picture picture) {}
