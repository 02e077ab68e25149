package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class StreamingThreadsTest {

    @Test
    void theSharedBoundedElasticSchedulerRunsMoreBlockingStreamsAtOnceThanReactorsDefaultCap() throws Exception {
        StreamingThreads.install(200);
        int streams = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 30;
        CountDownLatch allStarted = new CountDownLatch(streams);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < streams; i++) {
            // Like Spring AI's Anthropic client: a blocking read subscribed on boundedElastic.
            Mono.fromRunnable(() -> {
                        allStarted.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe();
        }
        try {
            assertThat(allStarted.await(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS))
                    .as(
                            "all %d blocking streams run at once, beyond the default cap of %d",
                            streams, Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE)
                    .isTrue();
        } finally {
            release.countDown();
        }
    }
}
