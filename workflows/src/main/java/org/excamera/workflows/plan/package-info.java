/**
 * Pure planning of an ExCamera[N,x] job (design §1–§2): chunks of N frames, batches of x chunks,
 * each chunk's position and whether it hands a state to a successor. Plain Java, no Temporal.
 */
@NullMarked
package org.excamera.workflows.plan;

import org.jspecify.annotations.NullMarked;
