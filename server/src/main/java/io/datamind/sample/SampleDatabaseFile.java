package io.datamind.sample;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample database file on disk: which generator version made it, and how a new one replaces it. A new file is
 * written under a temporary name beside the target and renamed over it, so readers only ever see a complete file.
 */
final class SampleDatabaseFile {

    /** Bump whenever the generated content changes, so existing installations regenerate on their next start. */
    static final int GENERATOR_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(SampleDatabaseFile.class);
    private static final String TEMP_SUFFIX = ".tmp";

    private SampleDatabaseFile() {}

    /** The generator version recorded in the file, or empty when it is missing or unreadable. */
    static OptionalInt recordedVersion(Path file) {
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        try (DuckDBConnection connection = SampleDatabaseWriter.connect(file, true);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT value FROM sample_info WHERE key = 'generator_version'")) {
            return rows.next() ? OptionalInt.of(Integer.parseInt(rows.getString(1))) : OptionalInt.empty();
        } catch (SQLException | RuntimeException e) {
            log.warn("Sample database {} is unreadable and will be regenerated: {}", file, e.getMessage());
            return OptionalInt.empty();
        }
    }

    static boolean isCurrent(Path file) {
        OptionalInt version = recordedVersion(file);
        return version.isPresent() && version.getAsInt() == GENERATOR_VERSION;
    }

    /** Generates the sample store into {@code target}, replacing any older file, and returns each table's rows. */
    static Map<String, Integer> generate(Path target, BooleanSupplier cancelled) throws IOException, SQLException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            // Compute the rows on a second thread while this one loads DuckDB's native library and creates the schema.
            CompletableFuture<SalesData> rows =
                    CompletableFuture.supplyAsync(() -> SalesGenerator.generate(cancelled), SampleDatabaseFile::daemon);
            Map<String, Integer> counts = SampleDatabaseWriter.write(temp, () -> joined(rows), info(), cancelled);
            // A log left by a crashed writer of the old file would be replayed onto the new one.
            Files.deleteIfExists(walOf(target));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return counts;
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(walOf(temp));
        }
    }

    /** Removes temporary files of generations that died; only call while holding the {@link GenerationLock}. */
    static void deleteAbandonedTemporaryFiles(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX) || name.endsWith(TEMP_SUFFIX + ".wal")) {
                    log.info("Removing abandoned sample database file {}", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "sample-database-rows");
        thread.setDaemon(true);
        thread.start();
    }

    private static SalesData joined(CompletableFuture<SalesData> rows) {
        try {
            return rows.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("generator_version", Integer.toString(GENERATOR_VERSION));
        info.put("seed", Long.toString(SalesGenerator.SEED));
        info.put("data_from", SalesCalendar.FIRST_DAY.toString());
        info.put("data_to", SalesCalendar.LAST_DAY.toString());
        info.put("currency", "USD");
        info.put("description", "Orders of a fictional online store selling to consumers and businesses worldwide");
        return info;
    }

    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }
}
