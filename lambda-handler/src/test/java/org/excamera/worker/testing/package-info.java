/**
 * Test helpers of the worker, exported as the lambda-handler test-jar: synthetic Y4M clips, fake
 * IVF chunks with chosen frame types, a Lambda {@code Context}, and scripted ports.
 */
@NullMarked
package org.excamera.worker.testing;

import org.jspecify.annotations.NullMarked;
