package io.datamind.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Makes sure the sample database exists once the application has started, on a background thread so startup and
 * the first requests never wait for it. Started on {@link ApplicationStartedEvent} (server up, runners not yet
 * run) rather than at bean creation, so generation does not compete with startup for the CPU, and a runner that
 * awaits the database does not wait for a generation that has not begun.
 */
class SampleDatabaseInitializer implements ApplicationListener<ApplicationStartedEvent>, DisposableBean {

    enum Outcome {
        REUSED,
        GENERATED
    }

    private static final Logger log = LoggerFactory.getLogger(SampleDatabaseInitializer.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final SampleDatabase database;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Thread worker;

    SampleDatabaseInitializer(SampleDatabase database, ApplicationEventPublisher events) {
        this.database = database;
        this.events = events;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        start();
    }

    void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::prepare, "sample-database");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void prepare() {
        try {
            Outcome outcome = ensure();
            database.markReady();
            events.publishEvent(new SampleDatabaseReady(database.path(), outcome == Outcome.GENERATED));
        } catch (CancellationException e) {
            log.info("Sample database generation stopped by shutdown");
            database.markFailed(e);
        } catch (Exception e) {
            log.error("Could not prepare the sample database at {}", database.path(), e);
            database.markFailed(e);
        }
    }

    /** Reuses the file when the current generator made it, otherwise generates it; blocks until done. */
    Outcome ensure() throws IOException, SQLException {
        Path file = database.path();
        Files.createDirectories(file.getParent());
        if (SampleDatabaseFile.isCurrent(file)) {
            log.info("Using the existing sample database {}", file);
            return Outcome.REUSED;
        }
        try (GenerationLock lock = GenerationLock.acquire(file.getParent())) {
            if (SampleDatabaseFile.isCurrent(file)) {
                log.info("Using the sample database {} another process just generated", file);
                return Outcome.REUSED;
            }
            SampleDatabaseFile.deleteAbandonedTemporaryFiles(file);
            long startedAt = System.nanoTime();
            Map<String, Integer> rows = SampleDatabaseFile.generate(file, () -> stopping);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            log.info(
                    "Generated the sample database {} (generator version {}) in {} ms; rows: {}",
                    file,
                    SampleDatabaseFile.GENERATOR_VERSION,
                    millis,
                    rows);
            // Generation is a one-off burst: the heap grew by a couple of hundred megabytes of rows that are garbage
            // now, and G1 gives memory back to the operating system only after a full collection. Without this, a
            // first start keeps ~100 MB more resident than every later one for as long as it runs.
            System.gc();
            return Outcome.GENERATED;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        }
    }
}
