/**
 * How activities reach the chunk worker: {@link org.excamera.activities.invoke.InProcessInvoker} (a
 * bounded pool in this JVM, the embedded default) and {@link
 * org.excamera.activities.invoke.LambdaInvoker} (an AWS Lambda function through the AWS SDK v2).
 * Both heartbeat while they wait and turn every failure into a typed {@code WorkerResponse} error.
 */
@NullMarked
package org.excamera.activities.invoke;

import org.jspecify.annotations.NullMarked;
