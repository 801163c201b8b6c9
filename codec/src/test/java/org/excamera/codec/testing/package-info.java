/** Test helpers shared by every module (exported as the codec test-jar): test data and tools. */
@NullMarked
package org.excamera.codec.testing;

import org.jspecify.annotations.NullMarked;
