package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 1,034 gold queries of the Spider dev set are ordinary analytics SQL. The 20 SQLite databases are saved as
 * connections and discovered by DataMind itself; each query must pass the guard with the tables of that discovered
 * schema, the normalized text the guard returns must give the same rows as the original, and the query must run
 * through {@code POST /api/v1/query} (guard, read-only runner) with the same number of rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpiderGoldQueriesTest {

    private static final Path SPIDER = Path.of(System.getProperty("datamind.shared-dir"), "datasets", "spider-dev");
    private static final Path DATABASES = SPIDER.resolve("database");
    private static final SqlGuard GUARD = new SqlGuard();

    @DynamicPropertySource
    static void fileRoot(DynamicPropertyRegistry registry) {
        // The shared folder itself: files are opened read-only, so nothing is copied.
        registry.add("datamind.sources.file-root", DATABASES::toString);
        // Two gold queries return 20,662 rows: all of them, not the default 10,000, so every result is compared.
        registry.add("datamind.query.default-max-rows", () -> "100000");
    }

    @LocalServerPort
    int port;

    @Autowired
    SchemaSnapshots snapshots;

    private HttpApi api;
    private TestAccounts.Account owner;
    private String token;
    private final Map<String, Database> databases = new HashMap<>();

    private record Database(UUID connectionId, Connection direct, KnownTables tables) {}

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

    @BeforeAll
    void discoverEveryDatabase() throws Exception {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        Map<String, UUID> connections = new HashMap<>();
        try (Stream<Path> folders = Files.list(DATABASES)) {
            for (Path folder : folders.sorted().toList()) {
                String dbId = folder.getFileName().toString();
                connections.put(dbId, create(dbId));
            }
        }
        assertThat(connections).hasSize(20);
        for (Map.Entry<String, UUID> entry : connections.entrySet()) {
            SchemaSnapshot schema = awaitSchema(entry.getValue());
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            Connection direct = DriverManager.getConnection(
                    "jdbc:sqlite:" + DATABASES.resolve(entry.getKey()).resolve(entry.getKey() + ".sqlite"),
                    config.toProperties());
            assertThat(tableNames(schema))
                    .as("discovery of %s found every table of the file", entry.getKey())
                    .isEqualTo(fileTables(direct));
            KnownTables tables = KnownTables.ofRefs(
                    SqlDialect.SQLITE,
                    schema.tables().stream()
                            .map(t -> TableRef.of(t.schema(), t.name()))
                            .toList());
            databases.put(entry.getKey(), new Database(entry.getValue(), direct, tables));
        }
    }

    @ParameterizedTest(name = "#{0} {1}: {2}")
    @MethodSource("goldQueries")
    void passesTheGuardAndRunsUnchanged(int index, String dbId, String query) throws SQLException {
        Database database = databases.get(dbId);

        GuardVerdict verdict = GUARD.check(query, SqlDialect.SQLITE, database.tables());

        assertThat(verdict).isInstanceOf(GuardVerdict.Accepted.class);
        GuardVerdict.Accepted accepted = (GuardVerdict.Accepted) verdict;
        assertThat(accepted.tables())
                .allSatisfy(
                        table -> assertThat(database.tables().contains(table)).isTrue());
        List<String> originalRows = rows(database.direct(), query);
        assertThat(rows(database.direct(), accepted.sql())).containsExactlyInAnyOrderElementsOf(originalRows);

        HttpApi.Response run = api.request("POST", "/api/v1/query")
                .bearer(token)
                .json(Map.of("connectionId", database.connectionId().toString(), "sql", query))
                .send();
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("rowCount").asInt()).isEqualTo(originalRows.size());
        assertThat(run.json().get("truncated").asBoolean()).isFalse();
    }

    private UUID create(String dbId) {
        HttpApi.Response response = api.request("POST", "/api/v1/connections")
                .bearer(token)
                .json(Map.of("name", dbId, "type", "sqlite", "filePath", dbId + "/" + dbId + ".sqlite"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private SchemaSnapshot awaitSchema(UUID connectionId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var snapshot = snapshots.latest(owner.orgId(), connectionId);
            if (snapshot.isPresent()) {
                return snapshot.get();
            }
            JsonNode status = api.request("GET", "/api/v1/connections/" + connectionId + "/sync")
                    .bearer(token)
                    .send()
                    .json();
            assertThat(status.get("state").asString()).as(status.toString()).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("schema of " + connectionId + " not discovered within 60 s");
    }

    private static Set<String> tableNames(SchemaSnapshot schema) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        schema.tables().forEach(table -> names.add(table.name()));
        return names;
    }

    private static Set<String> fileTables(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
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

    @AfterAll
    void closeDatabases() throws SQLException {
        for (Database database : databases.values()) {
            database.direct().close();
        }
    }
}
