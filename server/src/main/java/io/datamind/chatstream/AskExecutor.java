package io.datamind.chatstream;

import io.datamind.common.ApiException;
import io.datamind.llm.CancellationToken;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The threads streamed questions run on. A question holds its thread while the model and the database work (the
 * pipeline blocks), so the pool is large and its threads cheap; idle threads die off. When every thread is busy and
 * the queue is full, a question is refused with a clear 503, never silently dropped. On shutdown every question in
 * flight is cancelled, which stops its model stream and database query.
 */
@Component
class AskExecutor implements DisposableBean {

    static final String BUSY = "The server is answering too many questions right now; try again in a moment";

    private final ThreadPoolExecutor pool;
    private final Set<CancellationToken> running = ConcurrentHashMap.newKeySet();

    AskExecutor(ChatStreamProperties properties) {
        BlockingQueue<Runnable> queue =
                properties.askQueue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(properties.askQueue());
        this.pool = new ThreadPoolExecutor(
                properties.askThreads(),
                properties.askThreads(),
                30,
                TimeUnit.SECONDS,
                queue,
                new AskThreads(),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs the question's work on a pool thread. The work runs even if the question was cancelled while it waited,
     * so whatever it must always do (say how it ended, release its slot) happens; the pipeline stops at once.
     *
     * @throws ApiException a 503 problem when the pool and its queue are full
     */
    void submit(CancellationToken cancel, Runnable work) {
        running.add(cancel);
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } finally {
                    running.remove(cancel);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(cancel);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", BUSY);
        }
    }

    int active() {
        return pool.getActiveCount();
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        running.forEach(CancellationToken::cancel);
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static final class AskThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "chat-ask-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
