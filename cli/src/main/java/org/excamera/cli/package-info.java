/** The {@code excamera} command line: each subcommand wires modules together, nothing more. */
@NullMarked
package org.excamera.cli;

import org.jspecify.annotations.NullMarked;
