package org.excamera.worker;

/**
 * One timed step of a stage (for example {@code fetch}, {@code vpxenc}, {@code decode}, {@code
 * rebase}, {@code store}): when it started (epoch milliseconds, for wall-time spans across workers)
 * and how long it took. Timing only; never part of any output bytes.
 */
public record StageTiming(String step, long startEpochMillis, long millis) {}
