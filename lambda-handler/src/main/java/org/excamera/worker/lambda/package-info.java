/**
 * The AWS Lambda entry point: {@link org.excamera.worker.lambda.WorkerHandler} adapts Lambda's
 * stream handler to {@link org.excamera.worker.ChunkWorker}; {@link
 * org.excamera.worker.lambda.LambdaEnvironment} builds the worker's clients once per container from
 * environment variables. No stage logic lives here.
 */
@NullMarked
package org.excamera.worker.lambda;

import org.jspecify.annotations.NullMarked;
