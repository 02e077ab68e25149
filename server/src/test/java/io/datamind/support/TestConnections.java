package io.datamind.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** Connections over the real API: saving one to a test PostgreSQL or MariaDB database, and waiting for its schema. */
public final class TestConnections {

    private TestConnections() {}

    /** Saves a connection to {@code database} on the test PostgreSQL server; returns its id (no wait for sync). */
    public static String createPostgres(HttpApi api, String token, String name, String database) {
        return create(
                api,
                token,
                name,
                "postgresql",
                TestServices.PG_HOST,
                TestServices.PG_PORT,
                database,
                TestServices.PG_USER);
    }

    /**
     * Saves a connection of type {@code mysql} (not mariadb) to {@code database} on the test MariaDB server, which
     * speaks the MySQL protocol; returns its id (no wait for sync).
     */
    public static String createMysql(HttpApi api, String token, String name, String database) {
        return create(
                api,
                token,
                name,
                "mysql",
                TestServices.MARIADB_HOST,
                TestServices.MARIADB_PORT,
                database,
                TestServices.MARIADB_USER);
    }

    private static String create(
            HttpApi api,
            String token,
            String name,
            String type,
            String host,
            String port,
            String database,
            String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("host", host);
        body.put("port", Integer.parseInt(port));
        body.put("database", database);
        body.put("username", username);
        body.put("sslMode", "disable");
        HttpApi.Response response = api.request("POST", "/api/v1/connections")
                .bearer(token)
                .json(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** The id of the organization's Sample Sales connection, after its first schema sync. */
    public static String sampleConnection(HttpApi api, String token) {
        String connection = api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .valueStream()
                .filter(item -> "sample".equals(item.path("managedKind").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        awaitSchema(api, token, connection);
        return connection;
    }

    /** Waits (up to 3 minutes) until the connection's first schema sync has stored a snapshot. */
    public static void awaitSchema(HttpApi api, String token, String connection) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (api.request("GET", "/api/v1/connections/" + connection + "/schema")
                        .bearer(token)
                        .send()
                        .status()
                != 200) {
            assertThat(System.nanoTime())
                    .as("schema of %s discovered", connection)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
