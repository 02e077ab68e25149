package io.datamind.schema;

import io.datamind.query.DatabaseType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads tables, columns and keys (without sample values) from a lent read-only connection. */
interface CatalogReader {

    /** Reads the catalog, reporting each table, column and key phase to {@code progress} as it goes. */
    List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException;

    static CatalogReader of(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> new PostgresCatalog();
            case MYSQL, MARIADB -> new MysqlCatalog();
            case DUCKDB -> new DuckDbCatalog();
            case SQLSERVER -> new MetadataCatalog(type, RowEstimates.SQLSERVER);
            case CLICKHOUSE -> new MetadataCatalog(type, RowEstimates.CLICKHOUSE);
            case SQLITE, TRINO -> new MetadataCatalog(type, RowEstimates.NONE);
        };
    }
}
