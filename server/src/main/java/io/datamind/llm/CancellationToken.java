package io.datamind.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one thread stop work another thread is doing for it: the person who asked clicks cancel, the model stream
 * stops. Cancelling is permanent and may happen at any time, before, during or after the work.
 */
public final class CancellationToken {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> callbacks = new ArrayList<>();

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (isCancelled()) {
                return;
            }
            cancelled.countDown();
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Runs the callback once, on the thread that cancels; at once if already cancelled. Close the registration when
     * the work is done so the callback is not kept.
     */
    public Registration onCancel(Runnable callback) {
        synchronized (this) {
            if (!isCancelled()) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> {};
    }

    /** Waits up to the duration; true if cancelled meanwhile (or the waiting thread was interrupted). */
    boolean await(Duration duration) {
        try {
            return cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Removes a callback that is no longer needed. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
