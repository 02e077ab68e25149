package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A connection saved with type mysql really connects, queries and syncs its schema. The MariaDB server of this
 * machine speaks the MySQL protocol, so it stands in for MySQL: what failed before was on DataMind's side (URL
 * scheme and driver options the MariaDB driver refuses), not the server's.
 */
@IntegrationTest
@TestPropertySource(properties = "datamind.rate-limit.enabled=false")
class MysqlConnectionLiveTest {

    @LocalServerPort
    int port;

    @Test
    void aMysqlConnectionTestsQueriesAndSyncs() throws Exception {
        String database = TestServices.createMariadbDatabase("dm_mysql");
        try (Connection admin =
                        DriverManager.getConnection(TestServices.mariadbUrl(database), TestServices.MARIADB_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE customer (id INT PRIMARY KEY, country VARCHAR(40) NOT NULL)");
            statement.execute("CREATE TABLE purchase (id INT PRIMARY KEY, customer_id INT NOT NULL,"
                    + " FOREIGN KEY (customer_id) REFERENCES customer (id))");
            statement.execute("INSERT INTO customer VALUES (1, 'Germany'), (2, 'France'), (3, 'Germany')");
            statement.execute("INSERT INTO purchase VALUES (10, 1), (11, 3)");
        }
        HttpApi api = new HttpApi(port);
        String token = TestAccounts.token(api, TestAccounts.registerOwner(api)).accessToken();
        String connection = TestConnections.createMysql(api, token, "Shop on MySQL", database);

        JsonNode probe = api.request("POST", "/api/v1/connections/" + connection + "/test")
                .bearer(token)
                .send()
                .json();
        assertThat(probe.get("ok").asBoolean()).as(probe.toString()).isTrue();
        assertThat(probe.get("serverVersion").asString()).contains("MariaDB");
        // Root can write: the warning that comes from SHOW GRANTS.
        assertThat(probe.get("warnings").get(0).asString()).contains("can write");

        TestConnections.awaitSchema(api, token, connection);
        JsonNode schema = api.request("GET", "/api/v1/connections/" + connection + "/schema")
                .bearer(token)
                .send()
                .json();
        Map<String, JsonNode> tables = new java.util.HashMap<>();
        schema.get("tables").forEach(table -> tables.put(table.get("name").asString(), table));
        assertThat(tables).containsOnlyKeys("customer", "purchase");
        assertThat(tables.get("purchase").get("foreignKeys").toString()).contains("customer");
        assertThat(tables.get("customer")
                        .get("columns")
                        .get(1)
                        .get("sampleValues")
                        .toString())
                .contains("France", "Germany");

        HttpApi.Response result = api.request("POST", "/api/v1/query")
                .bearer(token)
                .json(Map.of(
                        "connectionId",
                        connection,
                        "sql",
                        "SELECT c.country, count(*) AS n FROM purchase p JOIN customer c ON c.id = p.customer_id"
                                + " GROUP BY c.country"))
                .send();
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("rows").toString()).isEqualTo("[[\"Germany\",2]]");
    }
}
