package io.datamind.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** Connections over the real API: saving one to a test PostgreSQL database, and waiting for its schema. */
public final class TestConnections {

    private TestConnections() {}

    /** Saves a connection to {@code database} on the test PostgreSQL server; returns its id (no wait for sync). */
    public static String createPostgres(HttpApi api, String token, String name, String database) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "postgresql");
        body.put("host", TestServices.PG_HOST);
        body.put("port", Integer.parseInt(TestServices.PG_PORT));
        body.put("database", database);
        body.put("username", TestServices.PG_USER);
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
