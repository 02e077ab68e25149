package io.datamind.query;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of customer database DataMind can query, with the JDBC driver the runner loads for each. MySQL is reached
 * through the MariaDB driver (LGPL, speaks the same protocol), so its URL uses {@code jdbc:mariadb:}: the driver
 * would take {@code jdbc:mysql:} only with {@code permitMysqlScheme} in the URL, an option the runner owns.
 */
public enum DatabaseType {
    POSTGRESQL("org.postgresql.Driver", false, "jdbc:postgresql:"),
    MYSQL("org.mariadb.jdbc.Driver", false, "jdbc:mariadb:"),
    MARIADB("org.mariadb.jdbc.Driver", false, "jdbc:mariadb:"),
    SQLITE("org.sqlite.JDBC", true, "jdbc:sqlite:"),
    DUCKDB("org.duckdb.DuckDBDriver", true, "jdbc:duckdb:"),
    CLICKHOUSE("com.clickhouse.jdbc.ClickHouseDriver", false, "jdbc:clickhouse:", "jdbc:ch:"),
    TRINO("io.trino.jdbc.TrinoDriver", false, "jdbc:trino:"),
    SQLSERVER("com.microsoft.sqlserver.jdbc.SQLServerDriver", false, "jdbc:sqlserver:");

    private final String driverClassName;
    private final boolean fileBased;
    private final List<String> urlPrefixes;

    DatabaseType(String driverClassName, boolean fileBased, String... urlPrefixes) {
        this.driverClassName = driverClassName;
        this.fileBased = fileBased;
        this.urlPrefixes = List.of(urlPrefixes);
    }

    public String driverClassName() {
        return driverClassName;
    }

    /** A file on the DataMind host (opened read-only) rather than a server reached over the network. */
    public boolean fileBased() {
        return fileBased;
    }

    /** The JDBC URL schemes this type accepts; anything else (an H2 URL, say) never reaches a driver. */
    public List<String> urlPrefixes() {
        return urlPrefixes;
    }

    public boolean acceptsUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return false;
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return urlPrefixes.stream().anyMatch(lower::startsWith);
    }
}
