package io.datamind.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClickHouse (clickhouse-jdbc 0.10, the v2 client over HTTP): no transactions and no read-only flag, so the server's
 * own {@code readonly} setting is sent with every request. {@code readonly=2} refuses writes and DDL but still lets
 * the driver set per-query settings such as {@code max_execution_time} (its query timeout); {@code readonly=1}
 * would refuse those too. A user whose profile already has {@code readonly=1} cannot be raised to 2 and is refused
 * by the server: such a user needs {@code readonly=2} in its profile, as other SQL clients (Grafana) also ask.
 */
final class ClickHouseRules extends VendorRules {

    static final ClickHouseRules INSTANCE = new ClickHouseRules();

    /** The v2 client sends properties with this prefix as server settings. */
    static final String READONLY = "clickhouse_setting_readonly";

    static final String CONNECT_TIMEOUT = "connection_timeout";
    static final String SOCKET_TIMEOUT = "socket_timeout";

    private static final Set<String> OWNED = Set.of(READONLY, CONNECT_TIMEOUT, SOCKET_TIMEOUT);

    /** Any user may list its own grants (system.grants may hide rows from users without SHOW USERS). */
    static final String WRITE_GRANTS_SQL = "SHOW GRANTS";

    /** "GRANT SELECT, INSERT(a, b) ON shop.* TO alice"; a role grant ("GRANT analyst TO alice") has no ON. */
    private static final Pattern GRANT =
            Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(\\S+)\\s+TO\\s", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Write privileges whole; ALTER ..., CREATE ..., DROP ..., SYSTEM ... by prefix (ALTER UPDATE, DROP TABLE), except
     * CREATE TEMPORARY TABLE (a table of the session only).
     */
    private static final Set<String> WRITE_PRIVILEGES =
            Set.of("ALL", "ALL PRIVILEGES", "INSERT", "TRUNCATE", "OPTIMIZE", "UNDROP TABLE", "ACCESS MANAGEMENT");

    private static final List<String> WRITE_PREFIXES = List.of("ALTER", "CREATE", "DROP", "SYSTEM");

    private ClickHouseRules() {}

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty(READONLY, "2");
        properties.setProperty(
                CONNECT_TIMEOUT, Long.toString(config.connectTimeout().toMillis()));
        // A result streams over one HTTP response: the socket may wait as long as the longest query may run.
        properties.setProperty(SOCKET_TIMEOUT, Long.toString(config.maxTimeout().toMillis() + 60_000));
    }

    @Override
    List<String> writeCapabilities(Connection connection) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(WRITE_GRANTS_SQL)) {
            while (rs.next()) {
                found.addAll(writeGrants(rs.getString(1)));
            }
        }
        return capped(found);
    }

    /**
     * The write privileges in one line of SHOW GRANTS, as "INSERT on shop.*". Privileges a role brings are not on
     * the user's own lines; a user that can write only through a role is not reported (the check is advice).
     */
    static List<String> writeGrants(String grantLine) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = GRANT.matcher(grantLine == null ? "" : grantLine.strip());
        if (!matcher.find()) {
            return List.of();
        }
        String privileges = matcher.group(1).replaceAll("\\([^)]*\\)", "");
        String object = matcher.group(2).replace("`", "");
        for (String privilege : privileges.split(",")) {
            String name = privilege.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (writes(name)) {
                found.add(name + " on " + object);
            }
        }
        return List.copyOf(found);
    }

    private static boolean writes(String privilege) {
        if (WRITE_PRIVILEGES.contains(privilege)) {
            return true;
        }
        return !privilege.equals("CREATE TEMPORARY TABLE")
                && WRITE_PREFIXES.stream()
                        .anyMatch(prefix -> privilege.equals(prefix) || privilege.startsWith(prefix + " "));
    }

    @Override
    boolean transactional() {
        return false;
    }

    @Override
    boolean supportsReadOnlyFlag() {
        return false;
    }
}
