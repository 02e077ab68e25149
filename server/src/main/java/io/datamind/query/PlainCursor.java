package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One forward-only statement whose driver streams rows with a fetch size. */
class PlainCursor implements VendorRules.Cursor {

    static final int FETCH_SIZE = 1000;

    final Statement statement;
    private ResultSet rows;

    PlainCursor(Statement statement) {
        this.statement = statement;
    }

    static PlainCursor open(Connection connection, String sql, int rowsWanted, RunningQuery query) throws SQLException {
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        PlainCursor cursor = new PlainCursor(statement);
        try {
            optional(() -> statement.setEscapeProcessing(false));
            optional(() -> statement.setFetchSize(Math.min(FETCH_SIZE, rowsWanted)));
            optional(() -> statement.setMaxRows(rowsWanted));
            optional(() -> statement.setQueryTimeout((int) VendorRules.seconds(query.timeout)));
            query.attach(statement);
            if (!statement.execute(sql)) {
                throw new QueryFailedException(
                        Category.SYNTAX, "The statement returned no rows; only queries can be run");
            }
            cursor.rows = statement.getResultSet();
            return cursor;
        } catch (SQLException | RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    @Override
    public ResultSet next(int rowsInPrevious) {
        ResultSet first = rows;
        rows = null;
        return first;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    /** Settings some drivers do not implement; the runner's other limits still hold without them. */
    static void optional(SqlAction action) {
        try {
            action.run();
        } catch (SQLException | UnsupportedOperationException e) {
            // Not available on this driver (DuckDB, for one, refuses some of these settings).
        }
    }

    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }
}
