/**
 * Container I/O for the codec: IVF (the VP8 elementary-stream container written by vpxenc and read
 * by vpxdec) and YUV4MPEG2 (raw 4:2:0 pictures). Readers and writers stream one record at a time
 * and never hold a whole file. Malformed input raises a {@link ContainerFormatException} subclass
 * naming the record and byte offset; failures of the underlying stream stay {@link
 * java.io.IOException}s. Frames handed out ({@link IvfFrame}, {@link RawFrame}) are immutable.
 */
@NullMarked
package org.excamera.codec.io;

import org.jspecify.annotations.NullMarked;
