package io.datamind.schema;

import io.datamind.query.DatabaseType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to 50 distinct values of low-cardinality text columns, so questions can match "Germany" to a column. Each
 * column costs one {@code SELECT DISTINCT ... LIMIT 51} under a short timeout; a column with more than 50 values,
 * a table estimated too large, or a spent time budget gets none. Only tables, never views (a view can be costly).
 * A table of unknown size is read only as far as its first {@value #UNKNOWN_SIZE_ROWS} rows (a DISTINCT over the
 * whole table could read billions), so its values may miss some that only later rows hold.
 */
final class SampleValues {

    static final int MAX_VALUES = 50;
    static final int UNKNOWN_SIZE_ROWS = 10_000;
    private static final int MAX_FAILURES = 3;
    private static final int MAX_LENGTH = 200;

    private final Duration budget;
    private final Duration queryTimeout;
    private final long maxTableRows;

    SampleValues(Duration budget, Duration queryTimeout, long maxTableRows) {
        this.budget = budget;
        this.queryTimeout = queryTimeout;
        this.maxTableRows = maxTableRows;
    }

    List<TableInfo> addTo(Connection connection, DatabaseType type, List<TableInfo> tables, SyncProgress progress)
            throws SQLException {
        long deadline = System.nanoTime() + budget.toNanos();
        String quote = connection.getMetaData().getIdentifierQuoteString();
        quote = quote == null || quote.isBlank() ? "\"" : quote.trim();
        int failures = 0;
        List<TableInfo> result = new ArrayList<>();
        progress.start(SyncProgress.SAMPLES, tables.size());
        for (TableInfo table : tables) {
            boolean eligible = table.kind().equals("TABLE")
                    && (table.rowEstimate() == null || table.rowEstimate() <= maxTableRows);
            List<ColumnInfo> columns = new ArrayList<>();
            for (ColumnInfo column : table.columns()) {
                List<String> values = List.of();
                if (eligible
                        && column.category().equals("text")
                        && failures < MAX_FAILURES
                        && System.nanoTime() < deadline) {
                    try {
                        values = distinct(connection, distinctSql(type, quote, table, column.name()));
                    } catch (SQLException e) {
                        failures++;
                        // PostgreSQL refuses every further statement of a failed transaction.
                        if (!connection.getAutoCommit()) {
                            connection.rollback();
                        }
                    }
                }
                columns.add(new ColumnInfo(
                        column.name(),
                        column.type(),
                        column.category(),
                        column.nullable(),
                        column.position(),
                        column.comment(),
                        values));
            }
            progress.advance();
            result.add(new TableInfo(
                    table.schema(),
                    table.name(),
                    table.kind(),
                    table.comment(),
                    table.rowEstimate(),
                    columns,
                    table.primaryKey(),
                    table.foreignKeys()));
        }
        return result;
    }

    /**
     * The sample query of one column. SQL Server has TOP instead of LIMIT. A table of unknown size is read through a
     * subquery that stops after {@link #UNKNOWN_SIZE_ROWS} rows.
     */
    static String distinctSql(DatabaseType type, String quote, TableInfo table, String column) {
        String from = (table.schema() == null ? "" : quoted(quote, table.schema()) + ".") + quoted(quote, table.name());
        String col = quoted(quote, column);
        boolean top = type == DatabaseType.SQLSERVER;
        if (table.rowEstimate() == null) {
            from = "(SELECT " + (top ? "TOP (" + UNKNOWN_SIZE_ROWS + ") " : "") + col + " FROM " + from
                    + (top ? "" : " LIMIT " + UNKNOWN_SIZE_ROWS) + ") AS sample_rows";
        }
        return "SELECT DISTINCT " + (top ? "TOP (" + (MAX_VALUES + 1) + ") " : "") + col + " FROM " + from + " WHERE "
                + col + " IS NOT NULL" + (top ? "" : " LIMIT " + (MAX_VALUES + 1));
    }

    private List<String> distinct(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            statement.setMaxRows(MAX_VALUES + 1);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    String value = rs.getString(1);
                    if (value.length() > MAX_LENGTH) {
                        return List.of(); // long free text, not a category
                    }
                    values.add(value);
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            return List.of();
        }
        values.sort(null);
        return values;
    }

    private static String quoted(String quote, String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
