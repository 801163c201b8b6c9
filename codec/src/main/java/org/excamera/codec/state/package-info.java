/**
 * What a VP8 decoder carries from one frame to the next (design §3, RFC 6386 §9): persistent
 * probabilities, segmentation, loop-filter adjustments and the three references, each an immutable
 * value with {@code updatedBy}/{@code with} methods that return new values; and {@link
 * StateSerializer}, the versioned binary form with a digest.
 */
@NullMarked
package org.excamera.codec.state;

import org.jspecify.annotations.NullMarked;
