/**
 * Temporal activity interfaces of ExCamera and their payload records. {@link
 * org.excamera.activities.JobActivities} splits the source into chunk objects and assembles the
 * output; {@link org.excamera.activities.ChunkActivities} runs one stage of one chunk through a
 * worker invoker (in-process or AWS Lambda). Payloads are ids, URIs, counts and digests only, far
 * below Temporal's payload limits; frames and states stay in blob storage and the rendezvous.
 */
@NullMarked
package org.excamera.activities;

import org.jspecify.annotations.NullMarked;
