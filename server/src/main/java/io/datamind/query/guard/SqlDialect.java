package io.datamind.query.guard;

import io.datamind.query.DatabaseType;

/** The databases DataMind queries, with the few lexical and naming facts the guard needs about each. */
public enum SqlDialect {
    POSTGRESQL("public"),
    MYSQL(null),
    MARIADB(null),
    SQLITE("main"),
    DUCKDB("main"),
    CLICKHOUSE("default"),
    TRINO(null),
    SQLSERVER("dbo");

    private final String defaultSchema;

    SqlDialect(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** The dialect of a database type: each type has its own. */
    public static SqlDialect of(DatabaseType type) {
        return valueOf(type.name());
    }

    /** The schema an unqualified table lives in by default, or null where that is the connection's database. */
    public String defaultSchema() {
        return defaultSchema;
    }

    /** MySQL and MariaDB read {@code \'} as an escaped quote by default, and take {@code #} and "-- " as comments. */
    boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /** Whether string literals take backslash escapes in the server's default configuration. */
    boolean backslashEscapes() {
        return isMySqlFamily() || this == CLICKHOUSE;
    }

    /** Whether {@code #} starts a comment. */
    boolean hashComments() {
        return isMySqlFamily() || this == CLICKHOUSE;
    }

    /** Whether {@code $tag$ ... $tag$} is a string. */
    boolean dollarQuoting() {
        return this == POSTGRESQL || this == DUCKDB;
    }

    /** Whether {@code [name]} is a quoted identifier rather than an array (SQLite took it over from Access). */
    boolean squareBracketIdentifiers() {
        return this == SQLSERVER || this == SQLITE;
    }
}
