package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bypass attempts beyond the shared case file, each with the reason the guard gives. */
class SqlGuardTest {

    private static final SqlGuard GUARD = new SqlGuard();
    private static final List<String> SCHEMA = List.of("t", "users", "orders", "sales.orders", "customers");

    private static GuardVerdict check(String sql, SqlDialect dialect) {
        return GUARD.check(sql, dialect, KnownTables.of(dialect, SCHEMA));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # Strings a server setting would read as code
            POSTGRESQL | SELECT E'\\'', (SELECT usename FROM pg_user) --' | A backslash before a quote
            MYSQL      | SELECT 'a\\' UNION SELECT password FROM mysql.user -- ' | A backslash before a quote
            MYSQL      | SELECT "\\"", (SELECT 1) -- " | A backslash before a quote
            SQLITE     | SELECT 'C:\\temp\\', 'x' | A backslash before a quote
            # Comments the parser and the database read differently
            MYSQL      | SELECT * FROM t WHERE a = 1--1 UNION SELECT 1 | "--" without a following space
            MYSQL      | SELECT * FROM t # comment | Comments starting with #
            POSTGRESQL | SELECT 1 /* /* */ DELETE FROM t; */ | Nested comments
            MARIADB    | SELECT 1 /*M!100000 , sleep(5) */ | Comments starting with /*!
            MYSQL      | SELECT /*+ SET_VAR(sql_mode='') */ 1 | Optimizer hints
            POSTGRESQL | SELECT 1 /* never closed | never closed
            # Spellings that hide a name
            SQLSERVER  | SELECT * FROM t WHERE a = b\u00a0shutdown | unusual space character (U+00A0)
            POSTGRESQL | SELECT pg_sleep\u200b(1) | unusual space character (U+200B)
            POSTGRESQL | SELECT U&"pg\\005fread\\005ffile"('/etc/passwd') | Unicode-escaped
            POSTGRESQL | SELECT $x$a$x$ | Dollar-quoted
            POSTGRESQL | SELECT {fn pg_sleep(1)} | JDBC escape syntax
            POSTGRESQL | SELECT "pg_read_file"('/etc/passwd') | Function pg_read_file is not allowed: it reads or writes files
            POSTGRESQL | SELECT pg_catalog.PG_READ_FILE('/etc/passwd') | Function pg_catalog.PG_READ_FILE is not allowed
            POSTGRESQL | SELECT pg_sleep(1) OVER () | Function pg_sleep is not allowed: it makes the database wait
            # Harmful calls anywhere in the tree
            POSTGRESQL | SELECT * FROM t WHERE a = (SELECT max(a) FROM t WHERE pg_sleep(5) IS NULL) | Function pg_sleep
            POSTGRESQL | VALUES (pg_advisory_lock(1)) | Function pg_advisory_lock is not allowed: it takes locks
            POSTGRESQL | SELECT * FROM t ORDER BY (SELECT current_setting('data_directory')) | Function current_setting
            POSTGRESQL | SELECT query_to_xml('select * from pg_authid', true, true, '') | Function query_to_xml
            POSTGRESQL | SELECT pg_stat_file('/etc/passwd') | Function pg_stat_file
            MYSQL      | SELECT * FROM t WHERE 1=utl_inaddr.get_host_address('x') | system package utl_inaddr
            MYSQL      | SELECT GET_LOCK('x', 10) | Function GET_LOCK is not allowed: it takes locks
            SQLITE     | SELECT writefile('/tmp/x', 'y') | Function writefile
            SQLITE     | SELECT * FROM t WHERE a = RANDOMBLOB(1000000000 / 2) | Function RANDOMBLOB is not allowed: it can exhaust
            DUCKDB     | SELECT getenv('HOME') | Function getenv
            CLICKHOUSE | SELECT sleepEachRow(1) FROM t | Function sleepEachRow
            POSTGRESQL | SELECT NEXT VALUE FOR s | NEXT VALUE FOR is not allowed
            MYSQL      | SELECT @@version | variables
            # Table functions must be on the allow-list
            DUCKDB     | SELECT * FROM read_csv('/etc/passwd') | Function read_csv is not allowed: it reads or writes files
            DUCKDB     | SELECT * FROM query_table('secrets') | Function query_table
            POSTGRESQL | SELECT * FROM my_function(1) | Table function my_function is not allowed in FROM
            CLICKHOUSE | SELECT * FROM url('http://169.254.169.254/', CSV) | Function url
            SQLSERVER  | SELECT * FROM OPENROWSET('SQLNCLI', 'Server=x', 'SELECT 1') | Function OPENROWSET
            POSTGRESQL | SELECT * FROM t, LATERAL pg_ls_dir('.') f | Function pg_ls_dir
            # Tables outside the connection's schema
            POSTGRESQL | SELECT * FROM pg_user | Table pg_user is not part
            POSTGRESQL | SELECT * FROM public.pg_roles | Table public.pg_roles is not part
            POSTGRESQL | SELECT * FROM information_schema.tables | Table information_schema.tables is not part
            POSTGRESQL | SELECT * FROM t UNION SELECT * FROM secrets | Table secrets is not part
            POSTGRESQL | SELECT * FROM t WHERE a IN (SELECT a FROM (SELECT a FROM hidden) h) | Table hidden is not part
            POSTGRESQL | SELECT * FROM otherdb.public.t | Table otherdb.public.t is not part
            POSTGRESQL | SELECT * FROM other.orders | Table other.orders is not part
            SQLSERVER  | SELECT * FROM srv.db.dbo.t | on another server
            SQLSERVER  | SELECT * FROM sysobjects | Table sysobjects is not part
            POSTGRESQL | SELECT * FROM t@remote | in another database
            CLICKHOUSE | SELECT * FROM system.users | Table system.users is not part
            DUCKDB     | SELECT * FROM duckdb_secrets | Table duckdb_secrets is not part
            POSTGRESQL | TABLE users | found TABLE
            DUCKDB     | SELECT * FROM '/etc/passwd' | Table '/etc/passwd' is not part
            DUCKDB     | SELECT * FROM "/etc/passwd" | Table /etc/passwd is not part
            TRINO      | SELECT * FROM TABLE(system.query(query => 'DELETE FROM t')) | Table function TABLE
            MARIADB    | SELECT s.nextval FROM t | Sequence access s.nextval is not allowed
            SQLSERVER  | SELECT * FROM t FOR XML PATH('') | FOR XML and FOR JSON clauses are not allowed
            # CTE names hide tables only in their scope
            POSTGRESQL | WITH a AS (SELECT * FROM secret), secret AS (SELECT 1) SELECT * FROM a | Table secret is not part
            POSTGRESQL | SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) q, x | Table x is not part
            POSTGRESQL | WITH x AS (SELECT * FROM x) SELECT * FROM x | Table x is not part
            # Writes, locks and other statements anywhere in the tree
            POSTGRESQL | SELECT * FROM (SELECT * FROM t FOR UPDATE) x | Locking clauses
            POSTGRESQL | WITH x AS (SELECT * FROM t FOR SHARE SKIP LOCKED) SELECT 1 | Locking clauses
            POSTGRESQL | SELECT a, b INTO newt FROM t | SELECT INTO
            SQLSERVER  | SELECT * INTO #tmp FROM t | SELECT INTO
            POSTGRESQL | WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x | found INSERT
            POSTGRESQL | EXPLAIN SELECT 1 | found EXPLAIN
            MYSQL      | SHOW TABLES | found SHOW
            SQLSERVER  | SELECT * FROM t shutdown | The alias shutdown is also a statement keyword
            SQLSERVER  | SELECT a checkpoint FROM t | The alias checkpoint is also a statement keyword
            SQLSERVER  | SELECT * FROM (SELECT 1 AS x) reconfigure | The alias reconfigure is also a statement keyword
            SQLSERVER  | SELECT a AS commit FROM t | ACCEPT
            SQLSERVER  | SELECT a "commit" FROM t | ACCEPT
            POSTGRESQL | -- SELECT 1 | The query is empty
            MYSQL      | /* SELECT 1 */ ; | The query is empty
            POSTGRESQL | SELECT 1; | ACCEPT
            POSTGRESQL | SELECT 1;; | Only one statement
            POSTGRESQL | SELECT 1; -- trailing comment | ACCEPT
            POSTGRESQL | SELECT 1; /* x */ SELECT 2 | Only one statement
            """)
    void refusesWithReason(SqlDialect dialect, String sql, String expected) {
        GuardVerdict verdict = check(sql, dialect);
        if (expected.equals("ACCEPT")) {
            assertThat(verdict).isInstanceOf(GuardVerdict.Accepted.class);
        } else {
            assertThat(verdict).isInstanceOf(GuardVerdict.Refused.class);
            assertThat(verdict.reasonOrNull()).contains(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            POSTGRESQL | WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r
            POSTGRESQL | WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b
            POSTGRESQL | SELECT * FROM generate_series(1, 10) g
            POSTGRESQL | SELECT * FROM users u, LATERAL (SELECT count(*) FROM orders o WHERE o.id = u.id) c
            POSTGRESQL | SELECT * FROM public.users
            POSTGRESQL | SELECT * FROM sales.orders
            POSTGRESQL | SELECT * FROM "Users"
            POSTGRESQL | SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s)
            POSTGRESQL | SELECT a::text, CAST(a AS varchar(10)), pg_typeof(a) FROM t
            POSTGRESQL | SELECT * FROM t WHERE a = $1
            POSTGRESQL | SELECT concat('C:\\temp\\file', 'x')
            POSTGRESQL | SELECT count(*) FILTER (WHERE a > 1) FROM t
            MYSQL      | SELECT `a` FROM `t` WHERE a LIKE 'x\\_%'
            MYSQL      | SELECT * FROM t WHERE a = 1 -- comment
            MYSQL      | SELECT GROUP_CONCAT(DISTINCT a ORDER BY a SEPARATOR ',') FROM t
            SQLSERVER  | SELECT TOP 10 [a] FROM [t] WITH (NOLOCK)
            SQLSERVER  | SELECT * FROM dbo.users
            SQLITE     | SELECT * FROM main.users
            SQLITE     | SELECT [a'] FROM [t]
            SQLITE     | SELECT j.value FROM users, json_each(users.note) j
            DUCKDB     | SELECT * FROM range(10)
            TRINO      | SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH NEXT 5 ROWS ONLY
            CLICKHOUSE | SELECT number FROM numbers(10)
            """)
    void acceptsReadOnlyQueries(SqlDialect dialect, String sql) {
        assertThat(check(sql, dialect)).isInstanceOf(GuardVerdict.Accepted.class);
    }
}
