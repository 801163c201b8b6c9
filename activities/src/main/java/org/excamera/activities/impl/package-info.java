/**
 * Activity implementations: {@link org.excamera.activities.impl.ChunkActivitiesImpl} turns a chunk
 * task into a worker request and the worker's typed errors into Temporal failures; {@link
 * org.excamera.activities.impl.JobActivitiesImpl} splits ({@link
 * org.excamera.activities.impl.SourceSplitter}) and assembles ({@link
 * org.excamera.activities.impl.IvfAssembler}); {@link org.excamera.activities.impl.JobLayout} names
 * every object of a job.
 */
@NullMarked
package org.excamera.activities.impl;

import org.jspecify.annotations.NullMarked;
