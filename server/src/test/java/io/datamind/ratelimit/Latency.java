package io.datamind.ratelimit;

import java.util.Arrays;

/** Prints (never asserts) how long something takes: benchmarks on a shared 2-core machine only inform. */
final class Latency {

    private Latency() {}

    /** Runs {@code action} {@code times} times and prints median, p95 and max in milliseconds. */
    static void print(String label, int times, Runnable action) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - started;
        }
        print(label, nanos);
    }

    static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "LATENCY %s: n=%d median=%.2f ms p95=%.2f ms max=%.2f ms%n",
                label,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
