package io.datamind.offline;

/**
 * The SQL dialects the offline engine writes. Kept separate from the guard's dialect so the engine has no
 * dependency on the query module; the ask pipeline maps one to the other.
 */
public enum OfflineDialect {
    POSTGRESQL,
    MYSQL,
    MARIADB,
    SQLITE,
    DUCKDB;

    boolean mysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
