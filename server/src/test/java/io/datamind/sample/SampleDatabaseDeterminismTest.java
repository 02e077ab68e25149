package io.datamind.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation is a pure function of the code: no clock, no unseeded randomness. */
class SampleDatabaseDeterminismTest {

    @Test
    void twoGenerationsHaveIdenticalContent(@TempDir Path first, @TempDir Path second) throws Exception {
        Path a = first.resolve(SampleDatabase.FILE_NAME);
        Path b = second.resolve(SampleDatabase.FILE_NAME);
        SampleDatabaseFile.generate(a, () -> false);
        SampleDatabaseFile.generate(b, () -> false);

        Map<String, String> checksumsA = checksums(a);
        Map<String, String> checksumsB = checksums(b);

        assertThat(checksumsA.keySet())
                .contains(
                        "schema",
                        "categories",
                        "products",
                        "customers",
                        "orders",
                        "order_lines",
                        "payments",
                        "returns",
                        "sample_info");
        assertThat(checksumsB).isEqualTo(checksumsA);
    }

    /** SHA-256 per table over every row in primary-key order, plus one over the schema with its comments. */
    static Map<String, String> checksums(Path file) throws Exception {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (DuckDBConnection connection = SampleDatabaseWriter.connect(file, true)) {
            checksums.put(
                    "schema",
                    digest(
                            connection,
                            "SELECT table_name, column_name, data_type, comment FROM duckdb_columns()"
                                    + " UNION ALL SELECT table_name, constraint_type, constraint_text, NULL"
                                    + " FROM duckdb_constraints() UNION ALL SELECT table_name, NULL, NULL, comment"
                                    + " FROM duckdb_tables() ORDER BY ALL"));
            for (String table : tables(connection)) {
                // The first column of every table is its primary key.
                String digest = digest(connection, "SELECT * FROM " + table + " ORDER BY 1");
                checksums.put(table, digest);
            }
        }
        return checksums;
    }

    private static List<String> tables(DuckDBConnection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM duckdb_tables() ORDER BY 1")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables;
        }
    }

    private static String digest(DuckDBConnection connection, String sql) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(rows.getString(column)).append('\u001f');
                }
                digest.update(row.append('\u001e').toString().getBytes(StandardCharsets.UTF_8));
                count++;
            }
        }
        assertThat(count).as("rows of %s", sql).isPositive();
        return count + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
