package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmProviders;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Ends questions that run longer than {@code datamind.llm.question-deadline}. Each stage has its own limits (first
 * token, idle stream, query timeout), but together, with retries and repairs, they could keep someone waiting for
 * many minutes; past the deadline the question is stopped like a cancel: model stream, retry wait and query.
 */
@Component
class QuestionDeadlines implements DisposableBean {

    private final Duration limit;
    private final ScheduledThreadPoolExecutor timer;

    QuestionDeadlines(LlmProviders providers) {
        this.limit = providers.questionDeadline();
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "question-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // Most questions end well before their deadline: their timers must not pile up until then.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts the clock of one question; close the deadline when the question ends. */
    Deadline start(CancellationToken caller) {
        return new Deadline(caller);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /**
     * One question's deadline: its {@link #token()} is cancelled by the caller's cancel or when the time is up,
     * whichever comes first.
     */
    final class Deadline implements AutoCloseable {

        private final CancellationToken token = new CancellationToken();
        private final CancellationToken.Registration link;
        private final ScheduledFuture<?> expiry;
        private volatile boolean expired;

        private Deadline(CancellationToken caller) {
            link = caller.onCancel(token::cancel);
            expiry = timer.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        CancellationToken token() {
            return token;
        }

        /** Whether the question was stopped because its time was up (rather than cancelled by the caller). */
        boolean expired() {
            return expired;
        }

        /** What the answer says when the time was up. */
        String message() {
            return "The question took longer than " + seconds(limit) + ", the longest DataMind lets one run, and was"
                    + " stopped; try again, or ask a simpler question.";
        }

        private void expire() {
            if (token.isCancelled()) {
                return;
            }
            expired = true;
            // Stopping a query may wait on the database: not on the one thread that times every question.
            CompletableFuture.runAsync(token::cancel);
        }

        @Override
        public void close() {
            expiry.cancel(false);
            link.close();
        }

        private static String seconds(Duration duration) {
            long millis = duration.toMillis();
            return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
        }
    }
}
