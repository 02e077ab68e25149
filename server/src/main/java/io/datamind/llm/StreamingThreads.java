package io.datamind.llm;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Spring AI's Anthropic client reads each streamed answer on a thread of Reactor's shared bounded-elastic scheduler,
 * which Reactor caps at ten threads per core: on a 2-core server the 21st answer streamed at once would wait, token
 * by token, for one of the first twenty to end. This raises the cap of the shared scheduler (and of any other created
 * with Reactor's default cap) to {@code datamind.llm.max-concurrent-streams}. Threads are made on demand and die
 * when idle, so a high cap costs nothing until it is used.
 */
@Component
class StreamingThreads {

    private static final Logger log = LoggerFactory.getLogger(StreamingThreads.class);
    private static int installed;

    StreamingThreads(LlmProperties properties) {
        install(properties.maxConcurrentStreams());
    }

    /**
     * Replaces Reactor's scheduler factory once per JVM (replacing it disposes the cached schedulers, harmless before
     * any stream ran); a later context asking for no more threads changes nothing.
     */
    static synchronized void install(int threads) {
        if (threads <= installed || threads <= Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE) {
            return;
        }
        Schedulers.setFactory(new Schedulers.Factory() {
            @Override
            public Scheduler newBoundedElastic(
                    int threadCap, int queuedTaskCap, ThreadFactory threadFactory, int ttlSeconds) {
                int cap = threadCap == Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE ? threads : threadCap;
                return Schedulers.Factory.super.newBoundedElastic(cap, queuedTaskCap, threadFactory, ttlSeconds);
            }
        });
        installed = threads;
        log.debug("Reactor's bounded-elastic scheduler allows {} threads", threads);
    }
}
