package io.datamind.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB (both through the MariaDB driver): read-only session re-asserted before every query, the time
 * limit as {@code max_execution_time} (MySQL, ms) or {@code max_statement_time} (MariaDB, s), one statement per call
 * (multi-statements off), no {@code LOAD DATA LOCAL}, and rows streamed with a fetch size.
 */
final class MysqlRules extends VendorRules {

    static final MysqlRules MYSQL = new MysqlRules(false);
    static final MysqlRules MARIADB = new MysqlRules(true);

    private static final Set<String> OWNED = Set.of(
            "allowmultiqueries",
            "allowlocalinfile",
            "assurereadonly",
            "connecttimeout",
            "sockettimeout",
            "sessionvariables",
            "initsql",
            "socketfactory",
            "datamindpinnedaddress",
            "credentialtype",
            "permitmysqlscheme",
            "dumpqueriesonexception",
            "useserverprepstmts",
            "transactionreplay");
    private static final Pattern GRANT = Pattern.compile(
            "^GRANT\\s+(.+?)\\s+ON\\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE(?:\\s+BODY)?)\\s+)?(\\S+)\\s+TO\\s",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> WRITE_PRIVILEGES = Set.of(
            "ALL",
            "ALL PRIVILEGES",
            "INSERT",
            "UPDATE",
            "DELETE",
            "DELETE HISTORY",
            "CREATE",
            "DROP",
            "ALTER",
            "INDEX",
            "CREATE VIEW",
            "CREATE ROUTINE",
            "ALTER ROUTINE",
            "EVENT",
            "TRIGGER",
            "FILE",
            "SUPER",
            "CREATE USER",
            "CREATE TABLESPACE");

    private final boolean mariadb;

    private MysqlRules(boolean mariadb) {
        this.mariadb = mariadb;
    }

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void pin(Properties properties, String address) {
        properties.setProperty("socketFactory", MariadbPinnedSocketFactory.class.getName());
        properties.setProperty(MariadbPinnedSocketFactory.OPTION, address);
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty("allowMultiQueries", "false");
        properties.setProperty("allowLocalInfile", "false");
        properties.setProperty("assureReadOnly", "true");
        properties.setProperty("dumpQueriesOnException", "false");
        properties.setProperty("useServerPrepStmts", "false");
        properties.setProperty("transactionReplay", "false");
        properties.setProperty(
                "connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.setProperty(
                "socketTimeout", Long.toString(config.maxTimeout().toMillis() + 60_000));
    }

    @Override
    void setUpSession(Connection connection, QueryProperties config) throws SQLException {
        execute(connection, sessionSettings(connection, config.maxTimeout()));
    }

    @Override
    void beforeQuery(Connection connection, Duration timeout) throws SQLException {
        // Again before every query: a session variable, unlike PostgreSQL's, survives a rollback.
        execute(connection, sessionSettings(connection, timeout));
    }

    private String sessionSettings(Connection connection, Duration timeout) throws SQLException {
        return mariadb || mariadbServer(connection)
                ? "SET SESSION max_statement_time = " + (timeout.toMillis() / 1000.0) + ", SESSION tx_read_only = 1"
                : "SET SESSION max_execution_time = " + timeout.toMillis() + ", SESSION transaction_read_only = 1";
    }

    /**
     * A connection saved as MySQL may well reach a MariaDB server (same protocol), which has neither {@code
     * max_execution_time} nor, before 11.1, {@code transaction_read_only}. The driver knows the server's version
     * from the handshake, so asking costs no round trip.
     */
    private static boolean mariadbServer(Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    @Override
    Cursor open(Connection connection, String sql, int rowsWanted, RunningQuery query) throws SQLException {
        PlainCursor plain = PlainCursor.open(connection, sql, rowsWanted, query);
        return new Cursor() {
            private boolean abandoned;

            @Override
            public ResultSet next(int rowsInPrevious) {
                return plain.next(rowsInPrevious);
            }

            @Override
            public void abandon() {
                abandoned = true;
                // The protocol has no way to stop a streaming result but to kill the query; without this, closing
                // would read every remaining row off the socket.
                try {
                    plain.statement.cancel();
                } catch (SQLException e) {
                    // Closing reads the rest instead: slower, still bounded in memory.
                }
            }

            @Override
            public void close() throws SQLException {
                try {
                    plain.close();
                } catch (SQLException e) {
                    if (!abandoned) {
                        throw e;
                    }
                    // Closing reads up to the kill's "interrupted" error: expected after abandoning the rows.
                }
            }
        };
    }

    @Override
    List<String> writeCapabilities(Connection connection) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                found.addAll(writeGrants(rs.getString(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /** The write privileges in one line of SHOW GRANTS, as "INSERT on db.*". */
    static List<String> writeGrants(String grantLine) {
        List<String> found = new ArrayList<>();
        Matcher matcher = GRANT.matcher(grantLine == null ? "" : grantLine.strip());
        if (!matcher.find()) {
            return found;
        }
        String privileges = matcher.group(1).replaceAll("\\([^)]*\\)", "");
        String object = matcher.group(2).replace("`", "");
        for (String privilege : privileges.split(",")) {
            String name = privilege.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (WRITE_PRIVILEGES.contains(name)) {
                found.add(name + " on " + object);
            }
        }
        return found;
    }
}
