/**
 * The chunk worker of ExCamera (design §2): its wire format ({@link
 * org.excamera.worker.WorkerRequest}, {@link org.excamera.worker.WorkerResponse}, one JSON mapper
 * in {@link org.excamera.worker.WorkerJson}) and {@link org.excamera.worker.ChunkWorker}, which
 * runs one stage of one chunk: vpxenc, encode-given-state or rebase. The same code runs in-process
 * and inside AWS Lambda; requests carry blob references and state keys, never frames or states.
 */
@NullMarked
package org.excamera.worker;

import org.jspecify.annotations.NullMarked;
