package io.datamind.upload;

import io.datamind.common.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.springframework.http.HttpStatus;

/**
 * The one writer of the organizations' uploads databases (besides the sample module, nothing else in DataMind writes
 * DuckDB). An upload is first loaded into a private staging file; only then is the organization's database opened,
 * briefly and alone, and the table copied over in one transaction. A failed upload so never leaves a table behind,
 * and queries on the Uploads connection wait for the copy only, not for the file to be parsed.
 */
final class UploadsDatabase {

    static final String STAGED_TABLE = "upload";
    private static final long RETRY_MILLIS = 100;

    private UploadsDatabase() {}

    /** A private connection of the writer's own: bounded threads and memory, no extension downloads. */
    private static DuckDBConnection open(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("threads", "2");
        properties.setProperty("memory_limit", "1GB");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        // The driver directly rather than DriverManager, which may not see it from a nested jar's class loader.
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), properties);
    }

    /** Loads the rows that pass the filter into a new staging file and returns how many there were. */
    static long stage(Path stagingFile, Inspection.Inspected shape, Sheet sheet) throws IOException, SQLException {
        List<LoadColumn> columns = shape.columns();
        try (DuckDBConnection connection = open(stagingFile)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + STAGED_TABLE + " ("
                        + columns.stream()
                                .map(c -> Names.quoted(c.name()) + " " + c.sqlType())
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            long[] rows = {0};
            try (DuckDBAppender appender = connection.createAppender(STAGED_TABLE)) {
                try {
                    sheet.read((line, cells, problem) -> {
                        if (line <= shape.headerLine() || shape.filter().check(cells, problem) != null) {
                            return;
                        }
                        try {
                            appendRow(appender, columns, cells);
                        } catch (SQLException e) {
                            throw new AppendFailure(line, e);
                        }
                        rows[0]++;
                    });
                } catch (AppendFailure failure) {
                    throw failure.getCause();
                }
                // close() swallows errors; flush() reports them.
                appender.flush();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
            return rows[0];
        }
    }

    private static void appendRow(DuckDBAppender appender, List<LoadColumn> columns, List<String> cells)
            throws SQLException {
        appender.beginRow();
        for (int i = 0; i < columns.size(); i++) {
            String value = i < cells.size() ? CellValues.clean(cells.get(i)) : null;
            LoadColumn column = columns.get(i);
            if (value == null) {
                appender.appendNull();
                continue;
            }
            switch (column.type()) {
                case BOOLEAN -> appender.append(CellValues.parseBoolean(value));
                case INTEGER -> appender.append(CellValues.parseInteger(value));
                case DECIMAL -> {
                    if (column.scale() < 0) {
                        appender.append(CellValues.parseDouble(value));
                    } else {
                        appender.append(CellValues.parseDecimal(value).setScale(column.scale()));
                    }
                }
                case DATE -> appender.append(CellValues.parseDate(value, column.dateFormat()));
                case TIMESTAMP -> appender.append(CellValues.parseTimestamp(value));
                case TEXT -> appender.append(value);
            }
        }
        appender.endRow();
    }

    /**
     * Copies the staged table into the organization's database under a name no table there has yet, and returns
     * that name.
     *
     * @param requested the name was asked for: taken is a 409 rather than a numbered name
     * @param releaseReaders closes the query runner's read-only pool of this file (DuckDB opens a file in one
     *     configuration per process); called again while a query holds the file
     * @param wait how long to wait for running queries on the file to end
     */
    static String merge(
            Path target, Path stagingFile, String table, boolean requested, Runnable releaseReaders, Duration wait)
            throws IOException, SQLException {
        Files.createDirectories(target.getParent());
        try (DuckDBConnection connection = openAlone(target, releaseReaders, wait);
                Statement statement = connection.createStatement()) {
            Set<String> taken = tables(statement);
            if (requested && taken.contains(table)) {
                throw ApiException.conflict("table", "The Uploads connection already has a table named " + table);
            }
            String name = Names.unique(table, taken);
            String alias = "staging_" + UUID.randomUUID().toString().replace("-", "");
            statement.execute(
                    "ATTACH " + literal(stagingFile.toAbsolutePath().toString()) + " AS " + alias + " (READ_ONLY)");
            try {
                connection.setAutoCommit(false);
                try {
                    statement.execute(
                            "CREATE TABLE " + Names.quoted(name) + " AS SELECT * FROM " + alias + "." + STAGED_TABLE);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } finally {
                statement.execute("DETACH " + alias);
            }
            statement.execute("CHECKPOINT");
            return name;
        }
    }

    /**
     * Drops a table of the organization's database and returns its exact name, or empty when there is no such table
     * (names compare without letter case, as DuckDB's do).
     */
    static Optional<String> drop(Path target, String table, Runnable releaseReaders, Duration wait)
            throws SQLException {
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        try (DuckDBConnection connection = openAlone(target, releaseReaders, wait);
                Statement statement = connection.createStatement()) {
            Optional<String> found = tableNamed(statement, table);
            if (found.isPresent()) {
                statement.execute("DROP TABLE " + Names.quoted(found.get()));
                statement.execute("CHECKPOINT");
            }
            return found;
        }
    }

    private static Optional<String> tableNamed(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_catalog = current_database() AND table_schema = 'main'"
                + " AND table_type = 'BASE TABLE' AND lower(table_name) = "
                + literal(table.toLowerCase(Locale.ROOT)))) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static DuckDBConnection openAlone(Path target, Runnable releaseReaders, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            releaseReaders.run();
            try {
                return open(target);
            } catch (SQLException e) {
                if (!heldByReaders(e) || System.nanoTime() > deadline) {
                    if (heldByReaders(e)) {
                        throw new ApiException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "Busy",
                                "The Uploads connection is busy with a running query; try again in a moment");
                    }
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the uploads database", e);
            }
        }
    }

    /** The runner has the file open read-only (in this process, or another holds its lock). */
    private static boolean heldByReaders(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("different configuration") || message.contains("Could not set lock");
    }

    /** Table names of the database's main schema, in lower case. */
    private static Set<String> tables(Statement statement) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("SELECT lower(table_name) FROM information_schema.tables"
                + " WHERE table_catalog = current_database() AND table_schema = 'main'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Carries an appender failure out of the row callback. */
    private static final class AppendFailure extends RuntimeException {
        AppendFailure(long line, SQLException cause) {
            super("Loading line " + line + " failed", cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
