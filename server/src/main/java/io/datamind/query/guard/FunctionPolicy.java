package io.datamind.query.guard;

import static io.datamind.query.guard.SqlDialect.CLICKHOUSE;
import static io.datamind.query.guard.SqlDialect.DUCKDB;
import static io.datamind.query.guard.SqlDialect.MARIADB;
import static io.datamind.query.guard.SqlDialect.MYSQL;
import static io.datamind.query.guard.SqlDialect.POSTGRESQL;
import static io.datamind.query.guard.SqlDialect.SQLITE;
import static io.datamind.query.guard.SqlDialect.SQLSERVER;
import static io.datamind.query.guard.SqlDialect.TRINO;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which functions a query may call. Scalar functions are checked against a deny-list of side-effecting ones (files,
 * network, sleeping, locks, configuration, sequences, server control, code loading, SQL given as text); functions in
 * FROM (table functions) must be on a short allow-list, because so many of them read files or other databases.
 *
 * <p>To deny another function, add a {@link Rule} below with the dialects it exists in and the plain-words reason.
 * User-defined functions can do anything and are not known here: the read-only session is the defence against them.
 */
final class FunctionPolicy {

    static final String FILES = "it reads or writes files on the server";
    static final String NETWORK = "it connects to other servers or databases";
    static final String SLEEP = "it makes the database wait";
    static final String LOCKS = "it takes locks that outlive the query";
    static final String CONFIG = "it reads or changes server configuration";
    static final String SEQUENCE = "it changes a sequence";
    static final String BACKEND = "it controls the database server";
    static final String EXTENSION = "it loads code into the database";
    static final String TEXT_SQL = "it runs SQL or reads tables given as text, which cannot be checked";
    static final String CATALOG = "it reads the database's internal catalog";
    static final String TRANSACTION = "it changes transaction state";
    static final String MEMORY = "it can exhaust the server's memory";

    private static final Set<SqlDialect> ALL = EnumSet.allOf(SqlDialect.class);
    private static final Set<SqlDialect> MYSQLS = EnumSet.of(MYSQL, MARIADB);

    /** A denied name, or a denied prefix when the name ends with '*'. */
    private record Rule(String pattern, Set<SqlDialect> dialects, String reason) {
        boolean matches(String name, SqlDialect dialect) {
            if (!dialects.contains(dialect)) {
                return false;
            }
            return pattern.endsWith("*")
                    ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : name.equals(pattern);
        }
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void deny(Set<SqlDialect> dialects, String reason, String... patterns) {
        for (String pattern : patterns) {
            RULES.add(new Rule(pattern, dialects, reason));
        }
    }

    static {
        // Names that mean the same harmful thing wherever they exist are denied in every dialect.
        deny(
                ALL,
                FILES,
                "pg_read_file",
                "pg_read_binary_file",
                "pg_ls_dir",
                "pg_stat_file",
                "pg_file_*",
                "pg_logdir_ls",
                "lo_import",
                "lo_export",
                "load_file",
                "readfile",
                "writefile",
                "fsdir",
                "zipfile",
                "openrowset",
                "fn_xe_*",
                "fn_get_audit_file",
                "fn_trace_gettable",
                "fn_dblog",
                "fn_dump_dblog",
                "utl_file",
                "bfilename",
                "read_csv",
                "read_csv_auto",
                "read_parquet",
                "read_json",
                "read_json_auto",
                "read_json_objects",
                "read_json_objects_auto",
                "read_ndjson",
                "read_ndjson_auto",
                "read_ndjson_objects",
                "read_text",
                "read_blob",
                "read_xlsx",
                "parquet_scan",
                "sniff_csv",
                "st_read",
                "st_read_meta",
                "sys_exec",
                "sys_eval",
                "sys_bineval");
        deny(
                ALL,
                NETWORK,
                "dblink*",
                "opendatasource",
                "openquery",
                "utl_http",
                "utl_inaddr",
                "utl_tcp",
                "utl_smtp",
                "httpuritype");
        deny(ALL, SLEEP, "pg_sleep", "pg_sleep_for", "pg_sleep_until", "sleep", "benchmark", "sleepeachrow", "waitfor");
        deny(
                ALL,
                LOCKS,
                "pg_advisory_*",
                "pg_try_advisory_*",
                "get_lock",
                "release_lock",
                "release_all_locks",
                "master_pos_wait",
                "source_pos_wait",
                "wait_for_executed_gtid_set",
                "wait_until_sql_thread_after_gtids");
        deny(
                ALL,
                CONFIG,
                "set_config",
                "current_setting",
                "pg_reload_conf",
                "pg_show_all_settings",
                "getenv",
                "getsetting");
        deny(ALL, SEQUENCE, "nextval", "setval");
        deny(ALL, TRANSACTION, "txid_current", "pg_current_xact_id");
        deny(
                ALL,
                BACKEND,
                "pg_terminate_backend",
                "pg_cancel_backend",
                "pg_rotate_logfile",
                "pg_switch_wal",
                "pg_promote",
                "pg_create_restore_point",
                "pg_notify",
                "pg_stat_reset*",
                "pg_log_backend_memory_contexts",
                "xp_*",
                "sp_*");
        deny(ALL, EXTENSION, "load_extension", "fts3_tokenizer");
        deny(
                ALL,
                TEXT_SQL,
                "query_to_xml*",
                "table_to_xml*",
                "schema_to_xml*",
                "database_to_xml*",
                "cursor_to_xml*",
                "ts_stat",
                "ts_rewrite",
                "query_table",
                "postgres_query",
                "postgres_execute",
                "mysql_query",
                "mysql_execute",
                "dbms_*");
        deny(ALL, CATALOG, "duckdb_*", "pragma_*");
        // SQLite runs inside DataMind's own process, so a gigabyte blob is DataMind's problem.
        deny(ALL, MEMORY, "randomblob", "zeroblob");

        // Large objects live outside tables; the pg_ family is server administration apart from a few formatters.
        deny(EnumSet.of(POSTGRESQL), FILES, "lo_*", "loread", "lowrite");
        deny(EnumSet.of(POSTGRESQL, DUCKDB), BACKEND, "pg_*");

        deny(EnumSet.of(DUCKDB), FILES, "read_*", "glob", "parquet_*", "iceberg_*", "delta_scan");
        deny(EnumSet.of(DUCKDB), NETWORK, "sqlite_scan", "sqlite_attach", "postgres_*", "mysql_*");
        deny(EnumSet.of(DUCKDB), BACKEND, "checkpoint", "force_checkpoint");
        deny(EnumSet.of(SQLITE), FILES, "edit");
        deny(MYSQLS, LOCKS, "is_free_lock", "is_used_lock");
        deny(EnumSet.of(CLICKHOUSE), FILES, "file", "executable", "input");
        deny(
                EnumSet.of(CLICKHOUSE),
                NETWORK,
                "url",
                "urlcluster",
                "s3",
                "s3cluster",
                "gcs",
                "hdfs",
                "hdfscluster",
                "remote",
                "remotesecure",
                "cluster",
                "clusterallreplicas",
                "mysql",
                "postgresql",
                "jdbc",
                "odbc",
                "mongodb",
                "redis",
                "sqlite",
                "azureblobstorage",
                "deltalake",
                "iceberg",
                "hudi",
                "dictget*",
                "joinget*");
        deny(EnumSet.of(TRINO), TEXT_SQL, "query");
    }

    /** Schemas and packages whose functions are never allowed, however the function is called. */
    private static final Set<String> DENIED_QUALIFIERS = Set.of(
            "sys",
            "mysql",
            "information_schema",
            "master",
            "msdb",
            "ctxsys",
            "utl_http",
            "utl_inaddr",
            "utl_file",
            "utl_tcp",
            "utl_smtp",
            "dbms_pipe",
            "dbms_lock",
            "dbms_java",
            "dbms_xmlgen",
            "dbms_sql",
            "system");

    private static final Map<SqlDialect, Set<String>> PG_LIKE_ALLOWED_PREFIXED = Map.of(
            POSTGRESQL, Set.of("pg_typeof", "pg_size_pretty", "pg_size_bytes", "pg_column_size"),
            DUCKDB, Set.of("pg_typeof"));

    /** Table functions that only compute rows from their arguments. */
    private static final Map<SqlDialect, Set<String>> TABLE_FUNCTIONS = Map.of(
            POSTGRESQL,
            Set.of(
                    "generate_series",
                    "generate_subscripts",
                    "unnest",
                    "json_each",
                    "json_each_text",
                    "jsonb_each",
                    "jsonb_each_text",
                    "json_array_elements",
                    "json_array_elements_text",
                    "jsonb_array_elements",
                    "jsonb_array_elements_text",
                    "json_object_keys",
                    "jsonb_object_keys",
                    "json_to_record",
                    "json_to_recordset",
                    "jsonb_to_record",
                    "jsonb_to_recordset",
                    "jsonb_path_query",
                    "regexp_split_to_table",
                    "regexp_matches",
                    "string_to_table"),
            DUCKDB,
            Set.of("range", "generate_series", "unnest", "json_each", "json_tree"),
            SQLITE,
            Set.of("json_each", "json_tree", "generate_series"),
            MYSQL,
            Set.of(),
            MARIADB,
            Set.of(),
            CLICKHOUSE,
            Set.of("numbers", "numbers_mt", "zeros", "zeros_mt", "generate_series"),
            TRINO,
            Set.of("unnest", "sequence"),
            SQLSERVER,
            Set.of("string_split", "openjson", "generate_series"));

    private FunctionPolicy() {}

    /** Why a call to the function with these name parts is refused, or null if it may be called. */
    static String denialReason(List<String> nameParts, SqlDialect dialect) {
        if (nameParts == null || nameParts.isEmpty()) {
            return null;
        }
        String name = normalize(nameParts.get(nameParts.size() - 1));
        for (int i = 0; i < nameParts.size() - 1; i++) {
            String qualifier = normalize(nameParts.get(i));
            if (DENIED_QUALIFIERS.contains(qualifier)
                    || qualifier.startsWith("dbms_")
                    || qualifier.startsWith("utl_")) {
                return "it belongs to the system package " + qualifier;
            }
        }
        return denialReasonForName(name, dialect);
    }

    private static String denialReasonForName(String name, SqlDialect dialect) {
        for (Rule rule : RULES) {
            if (rule.matches(name, dialect)) {
                if (PG_LIKE_ALLOWED_PREFIXED.getOrDefault(dialect, Set.of()).contains(name)) {
                    return null;
                }
                return rule.reason();
            }
        }
        return null;
    }

    /** Whether a function may be used in FROM as a source of rows. */
    static boolean isAllowedTableFunction(List<String> nameParts, SqlDialect dialect) {
        if (nameParts == null || nameParts.size() != 1) {
            return false;
        }
        return TABLE_FUNCTIONS.get(dialect).contains(normalize(nameParts.get(0)));
    }

    static String displayName(List<String> nameParts) {
        return String.join(".", nameParts.stream().map(Identifiers::unquote).toList());
    }

    static String normalize(String part) {
        return Identifiers.unquote(part).toLowerCase(Locale.ROOT);
    }
}
