package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.datasource.ConnectionDetailsValidator;
import io.datamind.support.ChinookLoader;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
// Many sign-ins from one address; the limits have their own tests.
@TestPropertySource(
        properties = {
            "datamind.rate-limit.enabled=false",
            // The progress test holds a sample query on a locked table until it lets go.
            "datamind.schema.sample-query-timeout=180s",
            "datamind.schema.sample-value-budget=600s"
        })
@Import(AppStatements.class)
class SchemaDiscoveryTest {

    private static final List<String> CHINOOK_TABLES = List.of(
            "album",
            "artist",
            "customer",
            "employee",
            "genre",
            "invoice",
            "invoice_line",
            "media_type",
            "playlist",
            "playlist_track",
            "track");

    @LocalServerPort
    int port;

    @Autowired
    ConnectionDetailsValidator validator;

    HttpApi api;
    TestAccounts.Account owner;
    String token;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
    }

    @Test
    void sampleSalesOfANewOrganizationIsDiscovered() {
        JsonNode items = get("/api/v1/connections").json().get("items");
        String id = items.get(0).get("id").asString();
        JsonNode schema = awaitSchema(id);
        assertThat(tableNames(schema)).contains("orders", "customers");
        JsonNode orders = table(schema, "orders");
        assertThat(orders.get("kind").asString()).isEqualTo("TABLE");
        assertThat(orders.get("primaryKey").size()).isEqualTo(1);
        assertThat(orders.get("columns").size()).isGreaterThan(2);
        assertThat(schema.toString())
                .as("some low-cardinality text column has sample values")
                .contains("\"sampleValues\":[\"");
        JsonNode status = get("/api/v1/connections/" + id + "/sync").json();
        assertThat(status.get("state").asString()).isEqualTo("done");
        assertThat(status.get("tables").asInt()).isEqualTo(schema.get("tables").size());
    }

    @Test
    void chinookOnPostgresql() throws Exception {
        String database = TestServices.createPostgresDatabase("chinook");
        ChinookLoader.loadPostgres(database);
        Map<String, Object> body = network("postgresql", TestServices.PG_HOST, TestServices.PG_PORT, database);
        body.put("username", TestServices.PG_USER);
        JsonNode schema = awaitSchema(create(body));
        assertChinook(schema, false);
        JsonNode invoice = table(schema, "invoice");
        assertThat(invoice.get("schema").asString()).isEqualTo("public");
        assertThat(invoice.get("comment").asString()).isEqualTo("One sale to a customer");
        assertThat(invoice.get("rowEstimate").asLong()).isEqualTo(412);
        JsonNode country = column(table(schema, "customer"), "country");
        assertThat(country.get("comment").asString()).isEqualTo("Billing country");
        assertThat(country.get("category").asString()).isEqualTo("text");
        assertThat(values(country.get("sampleValues"))).contains("Brazil", "Germany", "USA");
        assertThat(column(table(schema, "customer"), "email")
                        .get("sampleValues")
                        .size())
                .as("59 distinct emails: too many to sample")
                .isZero();
        assertThat(column(invoice, "total").get("category").asString()).isEqualTo("number");
        assertThat(column(invoice, "billing_state").get("nullable").asBoolean()).isTrue();
        assertThat(column(invoice, "customer_id").get("nullable").asBoolean()).isFalse();
        assertThat(column(invoice, "customer_id").get("position").asInt()).isEqualTo(2);
    }

    @Test
    void chinookOnMariadb() throws Exception {
        String database = TestServices.createMariadbDatabase("chinook");
        ChinookLoader.loadMariadb(database);
        Map<String, Object> body = network("mariadb", TestServices.MARIADB_HOST, TestServices.MARIADB_PORT, database);
        body.put("username", TestServices.MARIADB_USER);
        JsonNode schema = awaitSchema(create(body));
        assertChinook(schema, true);
        assertThat(table(schema, "Invoice").get("schema").asString()).isEqualTo(database);
    }

    @Test
    void chinookOnSqliteAndDuckdbFiles() throws Exception {
        Path root = validator.fileRoot();
        Files.createDirectories(root);
        String sqliteName = "chinook-" + UUID.randomUUID() + ".sqlite";
        Files.copy(ChinookLoader.dir().resolve("Chinook_Sqlite.sqlite"), root.resolve(sqliteName));
        JsonNode sqlite = awaitSchema(create(file("sqlite", sqliteName)));
        assertChinook(sqlite, true);

        String duckdbName = "chinook-" + UUID.randomUUID() + ".duckdb";
        ChinookLoader.loadDuckdb(root.resolve(duckdbName));
        JsonNode duckdb = awaitSchema(create(file("duckdb", duckdbName)));
        assertChinook(duckdb, false);
        assertThat(values(column(table(duckdb, "customer"), "country").get("sampleValues")))
                .contains("Brazil", "Germany", "USA");
    }

    @Test
    void readingASchemaIsOneRowWhateverItsSize() throws Exception {
        String sample =
                get("/api/v1/connections").json().get("items").get(0).get("id").asString();
        awaitSchema(sample);
        Path root = validator.fileRoot();
        Files.createDirectories(root);
        String sqliteName = "chinook-" + UUID.randomUUID() + ".sqlite";
        Files.copy(ChinookLoader.dir().resolve("Chinook_Sqlite.sqlite"), root.resolve(sqliteName));
        String chinook = create(file("sqlite", sqliteName));
        awaitSchema(chinook);

        AppStatements.requestStatementsSinceLastCall();
        JsonNode small = get("/api/v1/connections/" + sample + "/schema").json();
        List<String> forSample = AppStatements.requestStatementsSinceLastCall();
        JsonNode large = get("/api/v1/connections/" + chinook + "/schema").json();
        List<String> forChinook = AppStatements.requestStatementsSinceLastCall();

        assertThat(small.get("tables").size()).isNotEqualTo(large.get("tables").size());
        assertThat(forSample)
                .filteredOn(sql -> sql.contains("schema_snapshots"))
                .hasSize(1);
        assertThat(forSample).filteredOn(sql -> sql.contains("connections")).isEmpty();
        assertThat(forChinook).hasSameSizeAs(forSample);
        System.out.println("App database statements for one schema read: " + forSample.size() + " " + forSample);
    }

    /** Tables, primary keys and a few foreign keys; the MySQL and SQLite scripts name things in PascalCase. */
    @Test
    void aRunningSyncReportsItsProgress() throws Exception {
        int count = 200;
        String database = TestServices.createPostgresDatabase("dm_progress");
        try (Connection admin =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN FOR i IN 0.." + (count - 1) + " LOOP"
                    + " EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, label text)', lpad(i::text, 3, '0'));"
                    + " END LOOP; END $$");
        }
        // Two tables locked: sampling (tables in name order) stops at each until its lock is let go, so the
        // progress seen there is exact, whatever the speed of this machine.
        try (Connection first = lockTable(database, "t050");
                Connection second = lockTable(database, "t150")) {
            String id = TestConnections.createPostgres(api, token, "Many tables", database);

            JsonNode atFirst = awaitProgress(id, 50);
            assertThat(atFirst.get("phase").asString()).isEqualTo("samples");
            assertThat(atFirst.get("done").asInt()).isEqualTo(50);
            assertThat(atFirst.get("total").asInt()).isEqualTo(count);

            first.commit();
            JsonNode atSecond = awaitProgress(id, 150);
            assertThat(atSecond.get("phase").asString()).isEqualTo("samples");
            assertThat(atSecond.get("done").asInt()).isEqualTo(150);
            assertThat(atSecond.get("total").asInt()).isEqualTo(count);

            second.commit();
            assertThat(tableNames(awaitSchema(id))).hasSize(count);
            JsonNode done = get("/api/v1/connections/" + id + "/sync").json();
            assertThat(done.get("state").asString()).isEqualTo("done");
            assertThat(done.get("tables").asInt()).isEqualTo(count);
            assertThat(done.path("progress").isNull() || done.path("progress").isMissingNode())
                    .as(done.toString())
                    .isTrue();
        }
    }

    private static Connection lockTable(String database, String table) throws SQLException {
        Connection connection =
                DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** Polls the running sync until its samples phase has done at least {@code done} tables; returns its progress. */
    private JsonNode awaitProgress(String id, int done) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            JsonNode status = get("/api/v1/connections/" + id + "/sync").json();
            assertThat(status.get("state").asString()).as(status.toString()).isIn("running", "idle");
            JsonNode progress = status.path("progress");
            if (progress.path("phase").asString("").equals("samples")
                    && progress.get("done").asInt() >= done) {
                return progress;
            }
            assertThat(System.nanoTime()).as("progress %s of %s", done, id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void assertChinook(JsonNode schema, boolean pascal) {
        List<String> expected = CHINOOK_TABLES.stream()
                .map(name -> pascal ? pascal(name) : name)
                .toList();
        assertThat(tableNames(schema)).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode invoice = table(schema, pascal ? "Invoice" : "invoice");
        assertThat(values(invoice.get("primaryKey"))).containsExactly(pascal ? "InvoiceId" : "invoice_id");
        assertThat(invoice.get("columns").size()).isEqualTo(9);
        assertThat(foreignKeys(invoice))
                .containsExactly(pascal ? "CustomerId->Customer.CustomerId" : "customer_id->customer.customer_id");
        JsonNode line = table(schema, pascal ? "InvoiceLine" : "invoice_line");
        assertThat(foreignKeys(line))
                .containsExactlyInAnyOrder(
                        pascal ? "InvoiceId->Invoice.InvoiceId" : "invoice_id->invoice.invoice_id",
                        pascal ? "TrackId->Track.TrackId" : "track_id->track.track_id");
        JsonNode playlistTrack = table(schema, pascal ? "PlaylistTrack" : "playlist_track");
        assertThat(values(playlistTrack.get("primaryKey")))
                .containsExactly(pascal ? "PlaylistId" : "playlist_id", pascal ? "TrackId" : "track_id");
        assertThat(foreignKeys(table(schema, pascal ? "Employee" : "employee")))
                .containsExactly(pascal ? "ReportsTo->Employee.EmployeeId" : "reports_to->employee.employee_id");
        assertThat(foreignKeys(table(schema, pascal ? "Track" : "track"))).hasSize(3);
    }

    private static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static List<String> foreignKeys(JsonNode table) {
        List<String> result = new ArrayList<>();
        for (JsonNode fk : table.get("foreignKeys")) {
            result.add(String.join(",", values(fk.get("columns"))) + "->"
                    + fk.get("referencedTable").asString() + "."
                    + String.join(",", values(fk.get("referencedColumns"))));
        }
        return result;
    }

    private static List<String> values(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asString()));
        return result;
    }

    private static List<String> tableNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.get("tables").forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    private static JsonNode table(JsonNode schema, String name) {
        for (JsonNode t : schema.get("tables")) {
            if (t.get("name").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + tableNames(schema));
    }

    private static JsonNode column(JsonNode table, String name) {
        for (JsonNode c : table.get("columns")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static Map<String, Object> network(String type, String host, String port, String database) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", type + " " + database);
        body.put("type", type);
        body.put("host", host);
        body.put("port", Integer.parseInt(port));
        body.put("database", database);
        body.put("sslMode", "disable");
        return body;
    }

    private static Map<String, Object> file(String type, String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", path);
        body.put("type", type);
        body.put("filePath", path);
        return body;
    }

    private String create(Map<String, Object> body) {
        HttpApi.Response response = api.request("POST", "/api/v1/connections")
                .bearer(token)
                .json(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private HttpApi.Response get(String path) {
        return api.request("GET", path).bearer(token).send();
    }

    /** Waits for the sync started when the connection was saved. */
    private JsonNode awaitSchema(String id) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            HttpApi.Response response = get("/api/v1/connections/" + id + "/schema");
            if (response.status() == 200) {
                return response.json();
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            JsonNode status = get("/api/v1/connections/" + id + "/sync").json();
            assertThat(status.get("state").asString()).as(status.toString()).isNotEqualTo("failed");
            assertThat(System.nanoTime())
                    .as("schema of %s discovered in time", id)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
