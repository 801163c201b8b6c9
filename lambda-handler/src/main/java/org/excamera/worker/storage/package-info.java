/**
 * Adapters for the worker's ports: {@link org.excamera.worker.storage.FileBlobStore} (a local
 * directory tree), {@link org.excamera.worker.storage.S3BlobStore} (AWS SDK v2, multipart for large
 * objects), {@link org.excamera.worker.storage.RoutingBlobStore} (by URI scheme) and {@link
 * org.excamera.worker.storage.InMemoryStateExchange} (states between chunks of an embedded run).
 * They live beside the worker, not in {@code activities}, because the Lambda function needs S3 and
 * module arrows point one way.
 */
@NullMarked
package org.excamera.worker.storage;

import org.jspecify.annotations.NullMarked;
