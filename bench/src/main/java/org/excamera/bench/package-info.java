/** Benchmarks and the evaluation harness: JMH benchmarks and plain-main measurements. */
@NullMarked
package org.excamera.bench;

import org.jspecify.annotations.NullMarked;
