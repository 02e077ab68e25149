package io.datamind.ask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the stages of one question and tells the listener when each starts and ends. A stage that runs more than once
 * (check and execute after a repair) adds up.
 */
final class StageClock {

    private final AskListener listener;
    private final long started = System.nanoTime();
    private final Map<String, Long> timings = new LinkedHashMap<>();

    StageClock(AskListener listener) {
        this.listener = listener;
    }

    <T> T time(String stage, Supplier<T> work) {
        listener.on(new AskEvent.Stage(stage, "started", 0));
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            timings.merge(stage, ms, Long::sum);
            listener.on(new AskEvent.Stage(stage, "done", ms));
        }
    }

    /** Milliseconds per stage in the order they first ran, and {@code total} since the question arrived. */
    Map<String, Long> timings() {
        Map<String, Long> all = new LinkedHashMap<>(timings);
        all.put("total", (System.nanoTime() - started) / 1_000_000);
        return all;
    }
}
