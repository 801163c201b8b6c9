package org.excamera.worker.port;

/** Time for timings and deadlines; never used for anything that produces bytes. */
public interface Clock {
  /** Monotonic nanoseconds, for durations. */
  long nanoTime();

  /** Wall-clock epoch milliseconds, for spans across workers. */
  long epochMillis();

  Clock SYSTEM =
      new Clock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public long epochMillis() {
          return System.currentTimeMillis();
        }
      };
}
