package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 1,034 gold queries of the Spider dev set are ordinary analytics SQL: each must pass the guard with the tables
 * read from its SQLite file, and the normalized text the guard returns must run there and give the same rows as the
 * original.
 */
class SpiderGoldQueriesTest {

    private static final Path SPIDER = Path.of(System.getProperty("datamind.shared-dir"), "datasets", "spider-dev");
    private static final SqlGuard GUARD = new SqlGuard();
    private static final Map<String, Database> DATABASES = new HashMap<>();

    private record Database(Connection connection, KnownTables tables) {}

    static Stream<Arguments> goldQueries() throws Exception {
        JsonNode questions =
                JsonMapper.builder().build().readTree(SPIDER.resolve("dev.json").toFile());
        List<Arguments> arguments = new ArrayList<>();
        int index = 0;
        for (JsonNode question : questions) {
            arguments.add(Arguments.of(
                    ++index,
                    question.get("db_id").asString(),
                    question.get("query").asString()));
        }
        assertThat(arguments).hasSize(1034);
        return arguments.stream();
    }

    @ParameterizedTest(name = "#{0} {1}: {2}")
    @MethodSource("goldQueries")
    void passesTheGuardAndRunsUnchanged(int index, String dbId, String query) throws SQLException {
        Database database = open(dbId);

        GuardVerdict verdict = GUARD.check(query, SqlDialect.SQLITE, database.tables());

        assertThat(verdict).isInstanceOf(GuardVerdict.Accepted.class);
        GuardVerdict.Accepted accepted = (GuardVerdict.Accepted) verdict;
        assertThat(accepted.tables())
                .allSatisfy(
                        table -> assertThat(database.tables().contains(table)).isTrue());
        List<String> normalizedRows = rows(database.connection(), accepted.sql());
        assertThat(normalizedRows).containsExactlyInAnyOrderElementsOf(rows(database.connection(), query));
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static synchronized Database open(String dbId) throws SQLException {
        Database database = DATABASES.get(dbId);
        if (database == null) {
            Path file = SPIDER.resolve("database").resolve(dbId).resolve(dbId + ".sqlite");
            assertThat(Files.isReadable(file)).as(file.toString()).isTrue();
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            database = new Database(connection, discoverTables(connection));
            DATABASES.put(dbId, database);
        }
        return database;
    }

    private static KnownTables discoverTables(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rs = metaData.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                tables.add(new TableRef(null, rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")));
            }
        }
        assertThat(tables).isNotEmpty();
        return KnownTables.ofRefs(SqlDialect.SQLITE, tables);
    }

    @AfterAll
    static void closeDatabases() throws SQLException {
        for (Database database : DATABASES.values()) {
            database.connection().close();
        }
        DATABASES.clear();
    }
}
