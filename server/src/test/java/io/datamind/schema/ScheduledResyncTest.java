package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With a short interval, schemas follow the customer database by themselves. */
@IntegrationTest
@TestPropertySource(properties = "datamind.schema.resync-interval=2s")
class ScheduledResyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staleAndNeverSyncedConnectionsAreDiscoveredAgain() throws Exception {
        String database = TestServices.createPostgresDatabase("resync");
        execute(database, "CREATE TABLE first_table (id INT PRIMARY KEY)");
        execute(database, "COMMENT ON TABLE first_table IS 'Umsätze ✓ 売上'");
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String id = TestConnections.createPostgres(api, token, "resynced", database);
        String schemaPath = "/api/v1/connections/" + id + "/schema";
        awaitTrue(
                () -> api.request("GET", schemaPath).bearer(token).send().body().contains("first_table"));
        // Served as stored: JSON in UTF-8, the same document the snapshot API reads.
        HttpApi.Response schema = api.request("GET", schemaPath).bearer(token).send();
        assertThat(schema.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(schema.json().get("tables").get(0).get("comment").asString()).isEqualTo("Umsätze ✓ 売上");
        assertThat(schema.json().get("connectionId").asString()).isEqualTo(id);

        // Nobody asks for a sync: the schedule notices the new table.
        execute(database, "CREATE TABLE added_later (id INT PRIMARY KEY)");
        awaitTrue(
                () -> api.request("GET", schemaPath).bearer(token).send().body().contains("added_later"));

        // A connection whose sync record is gone (say, its first sync was lost in a restart) is synced too.
        jdbc.sql("DELETE FROM schema_snapshots WHERE connection_id = :id")
                .param("id", UUID.fromString(id))
                .update();
        awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM schema_snapshots WHERE connection_id = :id AND status = 'done'")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single()
                == 1);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'schema-resync'")
                        .query(Long.class)
                        .single())
                .as("rounds are taken through the cluster lock")
                .isEqualTo(1);
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
