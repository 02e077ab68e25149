package io.datamind.query.guard;

import java.util.Set;

/**
 * Relations that belong to the database itself (catalogs, users, settings) rather than to the customer's data. They
 * are refused even if schema discovery listed them, as a second line behind {@link KnownTables}.
 */
final class SystemRelations {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of(
            "information_schema",
            "pg_catalog",
            "pg_toast",
            "mysql",
            "performance_schema",
            "sys",
            "system",
            "temp",
            "master",
            "msdb",
            "tempdb",
            "model");

    /** SQL Server's compatibility views, reachable unqualified from every database. */
    private static final Set<String> SQLSERVER_SYSTEM_VIEWS = Set.of(
            "sysobjects",
            "syscolumns",
            "sysusers",
            "syslogins",
            "sysdatabases",
            "sysprocesses",
            "sysservers",
            "sysxlogins",
            "syscomments",
            "systypes",
            "sysindexes",
            "sysfiles",
            "sysmessages",
            "sysconfigures",
            "syscacheobjects",
            "syslockinfo",
            "sysperfinfo",
            "sysremotelogins",
            "sysoledbusers",
            "sysaltfiles");

    private SystemRelations() {}

    static boolean isSystem(TableRef ref, SqlDialect dialect) {
        String catalog = TableRef.fold(ref.catalog());
        String schema = TableRef.fold(ref.schema());
        String name = TableRef.fold(ref.name());
        if ((catalog != null && SYSTEM_SCHEMAS.contains(catalog))
                || (schema != null && (SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_")))) {
            return true;
        }
        // PostgreSQL searches pg_catalog before the search path, so an unqualified pg_ name reaches the catalog.
        if ((dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.DUCKDB)
                && schema == null
                && name.startsWith("pg_")) {
            return true;
        }
        if ((dialect == SqlDialect.SQLITE || dialect == SqlDialect.DUCKDB) && name.startsWith("sqlite_")) {
            return true;
        }
        if (dialect == SqlDialect.DUCKDB && name.startsWith("duckdb_")) {
            return true;
        }
        return dialect == SqlDialect.SQLSERVER && schema == null && SQLSERVER_SYSTEM_VIEWS.contains(name);
    }
}
