package io.datamind.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Embeddings through the real path: a connection is saved, its schema synced, the sync's event queues the
 * embedding, the vectors land in the application database, and the selector uses them. A sync of an unchanged
 * schema computes nothing; a changed column is recomputed alone; deleting the connection deletes its vectors.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "datamind.rate-limit.enabled=false",
            // The test database has 10 tables; Sample Sales, with fewer, keeps words only.
            "datamind.linking.embedding-min-tables=10"
        })
class SchemaEmbeddingsTest {

    private static final List<String> TABLES = List.of(
            "CREATE TABLE customers (id integer PRIMARY KEY, full_name text, country text)",
            "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id),"
                    + " ordered_on date, total numeric(10,2))",
            "CREATE TABLE products (id integer PRIMARY KEY, product_name text, list_price numeric(10,2))",
            "CREATE TABLE order_lines (order_id integer REFERENCES orders (id), product_id integer REFERENCES"
                    + " products (id), quantity integer)",
            "CREATE TABLE vehicles (id integer PRIMARY KEY, plate_number text, model text, purchase_date date)",
            "CREATE TABLE drivers (id integer PRIMARY KEY, name text, license_number text)",
            "CREATE TABLE employees (id integer PRIMARY KEY, first_name text, salary numeric(10,2))",
            "CREATE TABLE departments (id integer PRIMARY KEY, department_name text)",
            "CREATE TABLE sensor_readings (id integer PRIMARY KEY, recorded_at timestamp, value numeric)",
            "CREATE TABLE museum_visits (id integer PRIMARY KEY, visited_on date, visitors integer)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchemaSnapshots snapshots;

    @Autowired
    SchemaSelector selector;

    @Autowired
    SchemaSyncedListener listener;

    @Autowired
    MeterRegistry meters;

    @Test
    void embeddingsAreStoredOncePerSyncAndReused() throws SQLException {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String database = TestServices.createPostgresDatabase("linking");
        execute(database, TABLES);

        UUID id = createConnection(api, token, database);
        SchemaSnapshot snapshot = awaitSnapshot(owner.orgId(), id, null);
        int items = EmbeddingTexts.of(snapshot).size();
        assertThat(items).as("10 tables, 31 columns").isEqualTo(10 + 31);
        await().atMost(Duration.ofMinutes(3)).until(() -> rows(id) == items && listener.idle());
        double computed = computed();
        OffsetDateTime storedAt = storedAt(id, "t:public.vehicles");

        // The selector reads the stored vectors: "cars" shares no word with "vehicles".
        SchemaContext context = selector.select(snapshot, "Which cars were bought before 2020?", 60);
        assertThat(context.tables()).extracting(t -> t.name()).contains("vehicles");
        assertThat(context.tokens()).isLessThanOrEqualTo(60);
        assertThat(computed()).as("asking computes no schema embedding").isEqualTo(computed);

        // Syncing again, unchanged: the event arrives, nothing is recomputed or rewritten.
        snapshot = resync(api, token, owner.orgId(), id, snapshot);
        assertThat(computed()).isEqualTo(computed);
        assertThat(rows(id)).isEqualTo(items);
        assertThat(storedAt(id, "t:public.vehicles")).isEqualTo(storedAt);

        // A new column: the column's vector and its table's (whose text lists the columns), nothing else.
        execute(database, List.of("ALTER TABLE vehicles ADD COLUMN mileage_km integer"));
        resync(api, token, owner.orgId(), id, snapshot);
        assertThat(computed()).isEqualTo(computed + 2);
        assertThat(rows(id)).isEqualTo(items + 1);
        assertThat(storedAt(id, "t:public.vehicles")).isAfter(storedAt);
        assertThat(storedAt(id, "t:public.drivers")).isEqualTo(storedAt);

        HttpApi.Response deleted =
                api.request("DELETE", "/api/v1/connections/" + id).bearer(token).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(rows(id)).as("the vectors go with their connection").isZero();
    }

    private SchemaSnapshot resync(HttpApi api, String token, UUID orgId, UUID id, SchemaSnapshot previous) {
        HttpApi.Response sync = api.request("POST", "/api/v1/connections/" + id + "/sync")
                .bearer(token)
                .send();
        assertThat(sync.status()).as(sync.toString()).isEqualTo(202);
        SchemaSnapshot next = awaitSnapshot(orgId, id, previous);
        await().atMost(Duration.ofMinutes(3)).until(listener::idle);
        return next;
    }

    private SchemaSnapshot awaitSnapshot(UUID orgId, UUID id, SchemaSnapshot previous) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> snapshots.latest(orgId, id).orElse(null),
                        s -> s != null && (previous == null || s.discoveredAt().isAfter(previous.discoveredAt())));
    }

    private UUID createConnection(HttpApi api, String token, String database) {
        return UUID.fromString(TestConnections.createPostgres(api, token, "Warehouse", database));
    }

    private double computed() {
        return meters.get("datamind.linking.embeddings.computed").counter().count();
    }

    private long rows(UUID connectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM schema_embeddings WHERE connection_id = :id")
                .param("id", connectionId)
                .query(Long.class)
                .single();
    }

    private OffsetDateTime storedAt(UUID connectionId, String key) {
        return jdbc.sql("SELECT created_at FROM schema_embeddings WHERE connection_id = :id AND item_key = :key")
                .param("id", connectionId)
                .param("key", key)
                .query(OffsetDateTime.class)
                .single();
    }

    private static void execute(String database, List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
