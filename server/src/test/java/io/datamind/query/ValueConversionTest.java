package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.TestServices;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values come back JSON-friendly, with a small set of column types plus the database's own type name. */
class ValueConversionTest {

    private static PooledQueryRunner runner;

    @BeforeAll
    static void setUp() {
        runner = RunnerFixtures.runner();
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    @Test
    void postgresValues() {
        DataSourceTarget postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_values"));
        QueryResult result = runner.execute(postgres, """
                SELECT 1::int AS i, 9000000000::bigint AS big, 12.50::numeric(10,2) AS dec, 1.5::float8 AS dbl,
                       'text'::text AS txt, true AS flag, DATE '2024-02-29' AS day,
                       TIMESTAMP '2024-02-29 13:45:00' AS ts, TIMESTAMPTZ '2024-02-29 13:45:00.5+02' AS tstz,
                       TIME '08:30:00' AS tm, '\\x0102ff'::bytea AS bin, NULL::text AS nothing,
                       '5f1d7a8e-8a7f-4a5e-9a51-0f6a3b8c2d11'::uuid AS id, '{"a": 1}'::jsonb AS doc,
                       ARRAY[1, 2, 3] AS arr, 'NaN'::float8 AS nan
                """, runner.defaultLimits());
        assertThat(result.columns())
                .extracting(ResultColumn::type)
                .containsExactly(
                        "integer",
                        "integer",
                        "number",
                        "number",
                        "text",
                        "boolean",
                        "date",
                        "timestamp",
                        "timestamp",
                        "time",
                        "binary",
                        "text",
                        "other",
                        "other",
                        "other",
                        "number");
        assertThat(result.columns().get(8).nativeType()).isEqualTo("timestamptz");
        List<Object> row = result.rows().get(0);
        assertThat(row.subList(0, 12))
                .containsExactly(
                        1,
                        9_000_000_000L,
                        new BigDecimal("12.50"),
                        1.5,
                        "text",
                        true,
                        "2024-02-29",
                        "2024-02-29T13:45:00",
                        "2024-02-29T11:45:00.5Z",
                        "08:30:00",
                        Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}),
                        null);
        assertThat(row.subList(12, 16))
                .containsExactly("5f1d7a8e-8a7f-4a5e-9a51-0f6a3b8c2d11", "{\"a\": 1}", List.of(1, 2, 3), "NaN");
    }

    @Test
    void mariadbValues() {
        DataSourceTarget mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_values"));
        QueryResult result = runner.execute(mariadb, """
                SELECT CAST(1 AS SIGNED) AS i, CAST(12.5 AS DECIMAL(10,2)) AS amount, 'text' AS txt,
                       DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 13:45:00' AS ts, TIME '08:30:00' AS tm,
                       x'0102' AS bin, NULL AS nothing
                """, runner.defaultLimits());
        assertThat(result.columns())
                .extracting(ResultColumn::type)
                .containsExactly("integer", "number", "text", "date", "timestamp", "time", "binary", "other");
        assertThat(result.rows().get(0))
                .containsExactly(
                        1,
                        new BigDecimal("12.50"),
                        "text",
                        "2024-02-29",
                        "2024-02-29T13:45:00",
                        "08:30:00",
                        Base64.getEncoder().encodeToString(new byte[] {1, 2}),
                        null);
    }

    @Test
    void fileDatabaseValues() throws Exception {
        DataSourceTarget sqlite = RunnerFixtures.file(DatabaseType.SQLITE, RunnerFixtures.tempFile(".sqlite"));
        RunnerFixtures.exec(
                sqlite,
                "CREATE TABLE v (i INTEGER, r REAL, t TEXT, d DATE, b BLOB)",
                "INSERT INTO v VALUES (7, 2.5, 'x', '2024-02-29', x'0102')");
        QueryResult fromSqlite = runner.execute(sqlite, "SELECT * FROM v", runner.defaultLimits());
        assertThat(fromSqlite.columns())
                .extracting(ResultColumn::type)
                .containsExactly("integer", "number", "text", "date", "binary");
        assertThat(fromSqlite.rows().get(0)).containsExactly(7, 2.5, "x", "2024-02-29", "AQI=");

        DataSourceTarget duckdb = RunnerFixtures.file(DatabaseType.DUCKDB, RunnerFixtures.tempFile(".duckdb"));
        RunnerFixtures.exec(duckdb, "CREATE TABLE v (i INTEGER)");
        QueryResult fromDuckdb = runner.execute(
                duckdb,
                "SELECT 7::INTEGER AS i, 12345678901234567890::HUGEINT AS h, DATE '2024-02-29' AS d,"
                        + " TIMESTAMP '2024-02-29 13:45:00' AS ts, [1, 2] AS l, {'k': 1} AS s",
                runner.defaultLimits());
        assertThat(fromDuckdb.columns())
                .extracting(ResultColumn::type)
                .containsExactly("integer", "integer", "date", "timestamp", "other", "other");
        List<Object> row = fromDuckdb.rows().get(0);
        assertThat(Arrays.asList(row.get(0), row.get(1).toString(), row.get(2), row.get(3), row.get(4)))
                .containsExactly(7, "12345678901234567890", "2024-02-29", "2024-02-29T13:45:00", List.of(1, 2));
    }
}
