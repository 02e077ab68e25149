package io.datamind.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Providers wired to fake servers, with short timeouts and recorded retry waits. */
final class LlmFixtures {

    static final String ANTHROPIC_KEY = "sk-ant-test-key";
    static final String OPENAI_KEY = "sk-openai-test-key";

    private LlmFixtures() {}

    /** Instance defaults pointing at the fake servers; breaker opens after 3 failed attempts in a row. */
    static LlmProperties properties(String anthropicUrl, String openAiUrl, Duration idleTimeout) {
        return new LlmProperties(
                "anthropic",
                Duration.ofSeconds(2),
                // Generous: the first call of a cold JVM spends seconds loading the SDKs inside this window.
                Duration.ofSeconds(30),
                idleTimeout,
                Duration.ofMinutes(1),
                3,
                Duration.ofMillis(20),
                Duration.ofSeconds(5),
                new LlmProperties.Endpoint("claude-sonnet-4-5", anthropicUrl, ANTHROPIC_KEY),
                new LlmProperties.Endpoint("gpt-4.1-mini", openAiUrl, OPENAI_KEY),
                new LlmProperties.Breaker(100, 3, 3, Duration.ofMinutes(5)),
                LlmProperties.DEFAULT_QUESTION_DEADLINE,
                true,
                1024);
    }

    static LlmProviders providers(LlmProperties properties, RecordingPause pause) {
        return new LlmProviders(properties, List::of, pause);
    }

    static LlmRequest request() {
        return new LlmRequest(
                "You write SQL for PostgreSQL.",
                List.of(
                        LlmMessage.user("How many customers are there?"),
                        LlmMessage.assistant("SELECT count(*) FROM customers"),
                        LlmMessage.user("And by country?")),
                1024,
                0.0);
    }

    /** Keeps every token in order. */
    static final class Tokens implements TokenListener {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void onToken(String token) {
            received.add(token);
            notifyAll();
        }

        synchronized boolean awaitAtLeast(int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (received.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }

    /** Really waits, and remembers each wait it was asked for. */
    static final class RecordingPause implements RetryPolicy.Pause {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void pause(Duration duration, CancellationToken cancel) {
            waits.add(duration);
            SLEEP.pause(duration, cancel);
        }
    }
}
