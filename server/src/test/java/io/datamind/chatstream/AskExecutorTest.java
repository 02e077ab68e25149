package io.datamind.chatstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.common.ApiException;
import io.datamind.llm.CancellationToken;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AskExecutorTest {

    private static ChatStreamProperties limits(int threads, int queue) {
        return new ChatStreamProperties(
                threads,
                queue,
                16,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(1),
                DataSize.ofKilobytes(64),
                Duration.ofMinutes(30),
                Duration.ofMinutes(15),
                Duration.ofSeconds(15));
    }

    @Test
    void aFullPoolAndQueueRefuseWithA503InsteadOfDroppingTheQuestion() throws Exception {
        AskExecutor executor = new AskExecutor(limits(1, 1));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        try {
            executor.submit(new CancellationToken(), () -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch queuedDone = new CountDownLatch(1);
            executor.submit(new CancellationToken(), () -> {
                queuedRan.set(true);
                queuedDone.countDown();
            });
            assertThatThrownBy(() -> executor.submit(new CancellationToken(), () -> {}))
                    .isInstanceOfSatisfying(ApiException.class, busy -> {
                        assertThat(busy.status().value()).isEqualTo(503);
                        assertThat(busy.getMessage()).isEqualTo(AskExecutor.BUSY);
                    });
            release.countDown();
            assertThat(queuedDone.await(5, TimeUnit.SECONDS))
                    .as("the queued question still ran")
                    .isTrue();
            assertThat(queuedRan).isTrue();
        } finally {
            release.countDown();
            executor.destroy();
        }
    }

    @Test
    void shuttingDownCancelsTheQuestionsInFlight() throws Exception {
        AskExecutor executor = new AskExecutor(limits(2, 0));
        CancellationToken cancel = new CancellationToken();
        CountDownLatch running = new CountDownLatch(1);
        executor.submit(cancel, () -> {
            running.countDown();
            // Like the pipeline: blocks until its work is cancelled.
            CountDownLatch stopped = new CountDownLatch(1);
            try (CancellationToken.Registration ignored = cancel.onCancel(stopped::countDown)) {
                await(stopped);
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        executor.destroy();
        assertThat(cancel.isCancelled()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
