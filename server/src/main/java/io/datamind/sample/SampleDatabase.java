package io.datamind.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The "Sample Sales" DuckDB database every organization gets as a ready connection. It is generated in the
 * background after startup (or reused from an earlier start); open it read-only, and only once it is ready.
 */
public class SampleDatabase {

    /** Name of the connection each organization gets for this database. */
    public static final String CONNECTION_NAME = "Sample Sales";

    public static final String FILE_NAME = "sample-sales.duckdb";

    private final Path path;
    private final CompletableFuture<Path> ready = new CompletableFuture<>();

    SampleDatabase(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** Where the DuckDB file is (or will be once ready). */
    public Path path() {
        return path;
    }

    /** Whether the file exists, is complete and was made by the current generator. */
    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /**
     * Waits until the database is ready.
     *
     * @return true when ready, false when still being generated after {@code timeout} (or when interrupted)
     * @throws IllegalStateException when generation failed; it is retried on the next start
     */
    public boolean awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (CancellationException e) {
            throw new IllegalStateException("Preparing the sample database was stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The sample database could not be prepared", e.getCause());
        }
    }

    void markReady() {
        ready.complete(path);
    }

    void markFailed(Throwable cause) {
        ready.completeExceptionally(cause);
    }
}
