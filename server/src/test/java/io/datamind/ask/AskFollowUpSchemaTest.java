package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.linking.GeneratedWarehouse;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import io.datamind.support.AnthropicWire;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Follow-ups on a schema too large for a prompt: the linking tests' warehouse of about 370 tables, created in the
 * real PostgreSQL, so the schema context is cut to the question. A follow-up that names no table keeps the tables
 * the conversation read.
 */
@IntegrationTest
class AskFollowUpSchemaTest {

    static final FakeLlmServer anthropic = FakeLlmServer.start();
    static String database;
    static int warehouseTables;

    static final String ASSIGNMENTS_SQL = "SELECT d.name AS driver, v.plate_number AS plate"
            + " FROM fleet.vehicle_assignments a JOIN fleet.drivers d ON d.id = a.driver_id"
            + " JOIN fleet.vehicles v ON v.id = a.vehicle_id";
    static final String MONTHLY_SQL = "SELECT date_trunc('month', a.assigned_on) AS month, count(*) AS assignments"
            + " FROM fleet.vehicle_assignments a GROUP BY 1 ORDER BY 1";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("datamind.llm.provider", () -> "anthropic");
        registry.add("datamind.llm.anthropic.base-url", anthropic::baseUrl);
        registry.add("datamind.llm.anthropic.api-key", () -> "sk-ant-test-key");
        // Words alone choose the tables here: the same choice every run, and no model to load after the sync.
        registry.add("datamind.linking.embeddings", () -> "false");
    }

    @BeforeAll
    static void warehouse() {
        SchemaSnapshot snapshot = GeneratedWarehouse.snapshot(UUID.randomUUID());
        warehouseTables = snapshot.tables().size();
        database = TestServices.createPostgresDatabase("ask_warehouse");
        create(database, snapshot);
    }

    @AfterAll
    static void stop() {
        anthropic.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aFollowUpThatNamesNoTableKeepsTheTablesTheConversationRead() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = ChatFixtures.postgresConnection(api, token, database);

        anthropic.enqueue(sql(ASSIGNMENTS_SQL), analysis(), sql(MONTHLY_SQL), analysis(), sql(MONTHLY_SQL), analysis());
        JsonNode first = ChatFixtures.ask(api, token, connection, "Who drives which truck?", null)
                .json();
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("answered");
        JsonNode followUp = ChatFixtures.ask(
                        api,
                        token,
                        connection,
                        "and by month?",
                        first.get("sessionId").asString())
                .json();
        assertThat(followUp.get("status").asString()).as(followUp.toString()).isEqualTo("answered");
        JsonNode alone =
                ChatFixtures.ask(api, token, connection, "and by month?", null).json();
        assertThat(alone.get("status").asString()).as(alone.toString()).isEqualTo("answered");

        Set<String> inFollowUp = tablesShown(anthropic.requests().get(2).json());
        Set<String> withoutConversation =
                tablesShown(anthropic.requests().get(4).json());
        assertThat(withoutConversation)
                .as("the schema is cut, and the words \"and by month?\" alone do not choose the fleet tables")
                .hasSizeLessThan(warehouseTables)
                .doesNotContain("fleet.vehicle_assignments", "fleet.drivers");
        assertThat(inFollowUp)
                .as("the follow-up keeps the tables the first question read")
                .hasSizeLessThan(warehouseTables)
                .contains("fleet.vehicle_assignments", "fleet.drivers", "fleet.vehicles");
    }

    private static Set<String> tablesShown(JsonNode prompt) {
        Matcher tables =
                Pattern.compile("TABLE ([\\w.]+)").matcher(prompt.get("system").toString());
        Set<String> names = new LinkedHashSet<>();
        while (tables.find()) {
            names.add(tables.group(1));
        }
        return names;
    }

    private static Reply sql(String query) {
        return Reply.sse(
                AnthropicWire.answer(100, 10, "<reasoning>Assignments.</reasoning>\n<sql>\n", query, "\n</sql>"));
    }

    private static Reply analysis() {
        return Reply.sse(AnthropicWire.answer(50, 5, "No assignments yet."));
    }

    /** The snapshot's schemas, tables, keys and foreign keys as DDL; the tables stay empty. */
    private static void create(String database, SchemaSnapshot snapshot) {
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement s = c.createStatement()) {
            for (String schema :
                    snapshot.tables().stream().map(TableInfo::schema).collect(Collectors.toSet())) {
                s.addBatch("CREATE SCHEMA " + schema);
            }
            for (TableInfo table : snapshot.tables()) {
                String columns = table.columns().stream()
                        .map(column -> column.name() + " " + column.type())
                        .collect(Collectors.joining(", "));
                String key = table.primaryKey().isEmpty()
                        ? ""
                        : ", PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")";
                s.addBatch("CREATE TABLE " + table.schema() + "." + table.name() + " (" + columns + key + ")");
            }
            for (TableInfo table : snapshot.tables()) {
                for (ForeignKey fk : table.foreignKeys()) {
                    s.addBatch("ALTER TABLE " + table.schema() + "." + table.name() + " ADD FOREIGN KEY ("
                            + String.join(", ", fk.columns()) + ") REFERENCES " + fk.referencedSchema() + "."
                            + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ")");
                }
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
