package io.datamind.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.sample.SampleDatabaseInitializer.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a start generates the file, when it reuses it, and what it leaves behind. */
class SampleDatabaseInitializerTest {

    /** Events arrive on the generation thread just after readiness, so tests take them from a queue. */
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Test
    void firstStartGeneratesInTheBackgroundAndLaterStartsReuseTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        SampleDatabase first = new SampleDatabase(file);
        SampleDatabaseInitializer firstStart = initializer(first);
        assertThat(first.isReady()).isFalse();

        firstStart.start();

        assertThat(first.awaitReady(Duration.ofMinutes(2))).isTrue();
        assertThat(first.isReady()).isTrue();
        assertThat(nextEvent()).isEqualTo(new SampleDatabaseReady(file, true));
        assertThat(SampleDatabaseFile.recordedVersion(file)).hasValue(SampleDatabaseFile.GENERATOR_VERSION);
        BasicFileAttributes generated = Files.readAttributes(file, BasicFileAttributes.class);

        SampleDatabase second = new SampleDatabase(file);
        assertThat(initializer(second).ensure()).isEqualTo(Outcome.REUSED);
        SampleDatabase third = new SampleDatabase(file);
        initializer(third).start();
        assertThat(third.awaitReady(Duration.ofMinutes(1))).isTrue();
        assertThat(nextEvent()).isEqualTo(new SampleDatabaseReady(file, false));

        BasicFileAttributes reused = Files.readAttributes(file, BasicFileAttributes.class);
        assertThat(reused.fileKey()).isEqualTo(generated.fileKey());
        assertThat(reused.lastModifiedTime()).isEqualTo(generated.lastModifiedTime());
        assertThat(events).isEmpty();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void regeneratesWhenTheRecordedGeneratorVersionDiffers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        assertThat(initializer(new SampleDatabase(file)).ensure()).isEqualTo(Outcome.GENERATED);
        try (DuckDBConnection connection = SampleDatabaseWriter.connect(file, false);
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE sample_info SET value = '0' WHERE key = 'generator_version'");
            statement.execute("CHECKPOINT");
        }
        assertThat(SampleDatabaseFile.recordedVersion(file)).hasValue(0);
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        assertThat(initializer(new SampleDatabase(file)).ensure()).isEqualTo(Outcome.GENERATED);

        assertThat(SampleDatabaseFile.recordedVersion(file)).hasValue(SampleDatabaseFile.GENERATOR_VERSION);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
                .as("replaced by a new file, not rewritten in place")
                .isNotEqualTo(before);
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void anUnreadableFileCountsAsMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        assertThat(SampleDatabaseFile.recordedVersion(file)).isEmpty();
        Files.writeString(file, "not a database");
        assertThat(SampleDatabaseFile.recordedVersion(file)).isEmpty();
        assertThat(SampleDatabaseFile.isCurrent(file)).isFalse();
    }

    @Test
    void shutdownDuringGenerationStopsItAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        SampleDatabase database = new SampleDatabase(file);
        SampleDatabaseInitializer initializer = initializer(database);

        initializer.start();
        initializer.destroy();

        assertThatThrownBy(() -> database.awaitReady(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThat(database.isReady()).isFalse();
        assertThat(file).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void abandonedTemporaryFilesOfACrashedGenerationAreRemoved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        Files.writeString(dir.resolve(".sample-sales.duckdb.1234.tmp"), "half written");
        Files.writeString(dir.resolve(".sample-sales.duckdb.1234.tmp.wal"), "log");
        Files.writeString(dir.resolve("notes.txt"), "someone else's file");

        SampleDatabaseFile.deleteAbandonedTemporaryFiles(file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void directoryDefaultsToSampleInTheDataDirectory() {
        Path dataDir = Path.of("/var/lib/datamind");
        assertThat(new SampleProperties(null).directory(dataDir)).isEqualTo(dataDir.resolve("sample"));
        assertThat(new SampleProperties(Path.of("/srv/sample")).directory(dataDir))
                .isEqualTo(Path.of("/srv/sample"));
    }

    private Object nextEvent() throws InterruptedException {
        Object event = events.poll(1, TimeUnit.MINUTES);
        assertThat(event).as("event within a minute").isNotNull();
        return event;
    }

    private SampleDatabaseInitializer initializer(SampleDatabase database) {
        return new SampleDatabaseInitializer(database, events::add);
    }

    /** Files besides the database and the lock: temporary files or write-ahead logs that should be gone. */
    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(SampleDatabase.FILE_NAME))
                    .filter(name -> !name.equals(".sample-generation.lock"))
                    .toList();
        }
    }
}
