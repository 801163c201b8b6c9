/**
 * Pictures: {@link Dimensions}, the immutable {@link Picture} of three {@link Plane}s, the
 * write-once {@link PictureBuilder} a frame is reconstructed into, and {@link I420Digest}, the
 * per-frame MD5 of the conformance vectors. Planes cover the macroblock-aligned coded area plus a
 * border replicated from its edges, so motion vectors may point outside the frame.
 */
@NullMarked
package org.excamera.codec.picture;

import org.jspecify.annotations.NullMarked;
