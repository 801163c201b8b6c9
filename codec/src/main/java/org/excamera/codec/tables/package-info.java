/**
 * Constant tables of RFC 6386 with their RFC names: token, mode, motion vector, quantizer and
 * filter tables. Every accessor returns a fresh copy; hot code keeps its own private copy.
 */
@NullMarked
package org.excamera.codec.tables;

import org.jspecify.annotations.NullMarked;
