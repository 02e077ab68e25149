package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.DatabaseType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row estimates for the types read through DatabaseMetaData, and sample values that stay bounded when a table's
 * size is unknown. SQLite runs here; SQL Server and ClickHouse do not, so their catalog queries are checked as text.
 */
class RowEstimatesAndSamplingTest {

    @TempDir
    Path temp;

    @Test
    void aSqliteTableOfUnknownSizeIsSampledFromItsFirstRowsOnly() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("events.sqlite");
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, kind TEXT NOT NULL)");
                statement.execute("CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT)");
                statement.execute("INSERT INTO country VALUES ('DE', 'Germany'), ('FR', 'France')");
                statement.execute("CREATE VIEW opened AS SELECT * FROM event WHERE kind = 'open'");
            }
            connection.setAutoCommit(false);
            int rows = SampleValues.UNKNOWN_SIZE_ROWS * 3;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(1, i);
                    // Only rows past the sampled prefix hold 'late'.
                    insert.setString(2, i > SampleValues.UNKNOWN_SIZE_ROWS ? "late" : i % 2 == 0 ? "open" : "close");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);

            SyncProgress progress = new SyncProgress();
            List<TableInfo> found = CatalogReader.of(DatabaseType.SQLITE).read(connection, progress);
            assertThat(found)
                    .allSatisfy(table -> assertThat(table.rowEstimate()).isNull());

            SampleValues sampleValues = new SampleValues(Duration.ofSeconds(20), Duration.ofSeconds(5), 5_000_000);
            Map<String, TableInfo> tables =
                    sampleValues.addTo(connection, DatabaseType.SQLITE, found, progress).stream()
                            .collect(Collectors.toMap(TableInfo::name, Function.identity()));

            assertThat(values(tables.get("event"), "kind")).containsExactly("close", "open");
            assertThat(values(tables.get("country"), "name")).containsExactly("France", "Germany");
            assertThat(values(tables.get("opened"), "kind")).isEmpty();
            assertThat(progress.current()).isEqualTo(new SyncProgress.Progress(SyncProgress.SAMPLES, 3, 3));
        }
    }

    @Test
    void sampleQueriesPerDialectAndSize() throws Exception {
        TableInfo unknown = new TableInfo("dbo", "orders", "TABLE", null, null, List.of(), List.of(), List.of());
        TableInfo small = new TableInfo("dbo", "orders", "TABLE", null, 1_000L, List.of(), List.of(), List.of());

        assertThat(SampleValues.distinctSql(DatabaseType.POSTGRESQL, "\"", small, "status"))
                .isEqualTo("SELECT DISTINCT \"status\" FROM \"dbo\".\"orders\" WHERE \"status\" IS NOT NULL LIMIT 51");
        assertThat(SampleValues.distinctSql(DatabaseType.SQLITE, "\"", unknown, "status"))
                .isEqualTo("SELECT DISTINCT \"status\" FROM (SELECT \"status\" FROM \"dbo\".\"orders\" LIMIT 10000)"
                        + " AS sample_rows WHERE \"status\" IS NOT NULL LIMIT 51");
        String sqlServer = SampleValues.distinctSql(DatabaseType.SQLSERVER, "\"", unknown, "status");
        assertThat(sqlServer)
                .isEqualTo("SELECT DISTINCT TOP (51) \"status\" FROM (SELECT TOP (10000) \"status\" FROM"
                        + " \"dbo\".\"orders\") AS sample_rows WHERE \"status\" IS NOT NULL");
        CCJSqlParserUtil.parse(sqlServer);
    }

    @Test
    void sqlServerAndClickhouseReadEstimatesFromTheirCatalogs() throws Exception {
        assertThat(RowEstimates.SQLSERVER_SQL).contains("sys.partitions", "index_id IN (0, 1)", "SUM(p.rows)");
        assertThat(RowEstimates.CLICKHOUSE_SQL).contains("system.tables", "total_rows");
        CCJSqlParserUtil.parse(RowEstimates.SQLSERVER_SQL);
        CCJSqlParserUtil.parse(RowEstimates.CLICKHOUSE_SQL);
    }

    @Test
    void estimatesAreFoundBySchemaOrByAUniqueName() {
        RowEstimates.Known known = new RowEstimates.Known();
        known.put("dbo", "orders", 120);
        known.put("sales", "orders", 80);
        known.put("shop", "customer", 7);

        assertThat(known.of("dbo", "orders")).isEqualTo(120);
        assertThat(known.of("sales", "orders")).isEqualTo(80);
        // A driver that reports no schema: a unique name matches, an ambiguous one does not.
        assertThat(known.of(null, "customer")).isEqualTo(7);
        assertThat(known.of(null, "orders")).isNull();
        assertThat(known.of("dbo", "missing")).isNull();
    }

    private static List<String> values(TableInfo table, String column) {
        return table.columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow()
                .sampleValues();
    }
}
