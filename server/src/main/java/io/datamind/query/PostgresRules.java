package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * PostgreSQL: read-only sessions and transactions, {@code statement_timeout} per transaction, and rows through a
 * server-side cursor. Declaring the cursor makes PostgreSQL itself refuse anything but a query ({@code COPY},
 * {@code DO}, {@code SET}, data-modifying {@code WITH}, {@code SELECT INTO}); the driver's own statement splitter
 * must see exactly one statement, so nothing can follow a {@code COMMIT}.
 */
final class PostgresRules extends VendorRules {

    static final PostgresRules INSTANCE = new PostgresRules();

    private static final String CURSOR = "datamind_cursor";
    private static final String DECLARE = "DECLARE " + CURSOR + " NO SCROLL CURSOR FOR ";
    private static final Set<String> OWNED = Set.of(
            "options",
            "readonly",
            "readonlymode",
            "connecttimeout",
            "logintimeout",
            "sockettimeout",
            "socketfactory",
            "socketfactoryarg",
            "sslfactory",
            "sslfactoryarg",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "authenticationpluginclassname",
            "loggerfile",
            "loggerlevel",
            "preferquerymode",
            "autosave");

    private static final String WRITE_CHECK = """
            SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole,
              (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                  AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE')
                       OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))
                ORDER BY 1 LIMIT 1) AS writable_table,
              (SELECT quote_ident(n.nspname) FROM pg_namespace n
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                  AND has_schema_privilege(n.oid, 'CREATE')
                ORDER BY 1 LIMIT 1) AS creatable_schema,
              has_database_privilege(current_database(), 'CREATE') AS can_create_schemas
            FROM pg_roles r WHERE r.rolname = current_user
            """;

    private PostgresRules() {}

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void pin(Properties properties, String address) {
        properties.setProperty("socketFactory", PinnedSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", address);
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty("connectTimeout", Long.toString(seconds(config.connectTimeout())));
        properties.setProperty("loginTimeout", Long.toString(seconds(config.connectTimeout())));
        // A last resort if a cancel cannot reach a hung server: the socket gives up a minute after the longest query.
        properties.setProperty("socketTimeout", Long.toString(seconds(config.maxTimeout()) + 60));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("readOnly", "true");
        properties.setProperty("readOnlyMode", "always");
        properties.putIfAbsent("ApplicationName", "DataMind");
    }

    @Override
    void setUpSession(Connection connection, QueryProperties config) throws SQLException {
        // Session settings rather than startup options, which connection poolers such as PgBouncer refuse.
        execute(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        execute(connection, "SET statement_timeout = " + config.maxTimeout().toMillis());
    }

    @Override
    void beforeQuery(Connection connection, Duration timeout) throws SQLException {
        // LOCAL: undone with the transaction, like anything else the query might have set.
        execute(connection, "SET LOCAL statement_timeout = " + timeout.toMillis());
    }

    @Override
    Cursor open(Connection connection, String sql, int rowsWanted, RunningQuery query) throws SQLException {
        String body = singleStatement(connection, sql);
        int chunk = Math.min(PlainCursor.FETCH_SIZE, rowsWanted);
        Statement statement = connection.createStatement();
        try {
            statement.setEscapeProcessing(false);
            statement.setQueryTimeout((int) seconds(query.timeout));
            query.attach(statement);
            statement.execute(DECLARE + body);
            return new FetchCursor(statement, chunk, query);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    int sqlOffset() {
        return DECLARE.length();
    }

    /** The statement as the driver will send it; refused if the driver would split it into more than one. */
    private static String singleStatement(Connection connection, String sql) throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        List<NativeQuery> statements = Parser.parseJdbcSql(sql, standardStrings, false, true, false, false);
        if (statements.size() != 1) {
            throw new QueryFailedException(
                    Category.SYNTAX,
                    statements.isEmpty() ? "The query is empty" : "Only one statement can be run at a time");
        }
        return statements.get(0).nativeSql;
    }

    @Override
    List<String> writeCapabilities(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(WRITE_CHECK)) {
            if (!rs.next()) {
                return found;
            }
            if (rs.getBoolean("rolsuper")) {
                found.add("superuser");
            }
            if (rs.getBoolean("rolcreatedb")) {
                found.add("CREATEDB");
            }
            if (rs.getBoolean("rolcreaterole")) {
                found.add("CREATEROLE");
            }
            String table = rs.getString("writable_table");
            if (table != null) {
                found.add("INSERT, UPDATE, DELETE or TRUNCATE on " + table);
            }
            String schema = rs.getString("creatable_schema");
            if (schema != null) {
                found.add("CREATE in schema " + schema);
            }
            if (rs.getBoolean("can_create_schemas")) {
                found.add("CREATE on the database");
            }
        }
        return found;
    }

    /**
     * FETCH FORWARD in fixed chunks through a plain statement. Not a prepared one: the driver would cache the row
     * description of "FETCH ... FROM datamind_cursor" and apply it to the next query's differently shaped cursor.
     */
    private static final class FetchCursor implements Cursor {

        private final Statement statement;
        private final String fetch;
        private final int chunk;
        private final RunningQuery query;

        FetchCursor(Statement statement, int chunk, RunningQuery query) {
            this.statement = statement;
            this.fetch = "FETCH FORWARD " + chunk + " FROM " + CURSOR;
            this.chunk = chunk;
            this.query = query;
        }

        @Override
        public ResultSet next(int rowsInPrevious) throws SQLException {
            if (rowsInPrevious >= 0 && rowsInPrevious < chunk) {
                return null;
            }
            query.attach(statement);
            return statement.executeQuery(fetch);
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
