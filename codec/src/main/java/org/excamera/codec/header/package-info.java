/**
 * The frame header of RFC 6386 §9 and §19.1–19.2 as values: the uncompressed {@link FrameTag} and
 * {@link KeyFrameStart}, and the bool-coded {@link FrameHeader} with its sections. Every section
 * has a {@code read(BoolDecoder)} and a {@code write(BoolEncoder)} that writes back exactly the
 * bits read, including flags that carry a zero value.
 */
@NullMarked
package org.excamera.codec.header;

import org.jspecify.annotations.NullMarked;
