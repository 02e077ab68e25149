package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Questions over the real API, and the organization's sample connection once its schema is discovered. */
final class ChatFixtures {

    private ChatFixtures() {}

    /** The id of the organization's Sample Sales connection, after its first schema sync. */
    static String sampleConnection(HttpApi api, String token) {
        String connection = api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        awaitSchema(api, token, connection);
        return connection;
    }

    static void awaitSchema(HttpApi api, String token, String connection) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (api.request("GET", "/api/v1/connections/" + connection + "/schema")
                        .bearer(token)
                        .send()
                        .status()
                != 200) {
            assertThat(System.nanoTime()).as("schema discovered").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A saved connection to a PostgreSQL database of the test server, after its first schema sync. */
    static String postgresConnection(HttpApi api, String token, String database) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "pg " + database);
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
        String connection = response.json().get("id").asString();
        awaitSchema(api, token, connection);
        return connection;
    }

    /** A fresh PostgreSQL database with one table of three artists; returns its name. */
    static String artistsDatabase() {
        String database = TestServices.createPostgresDatabase("ask_cache");
        execute(database, "CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        execute(database, "INSERT INTO artists VALUES (1, 'Nina'), (2, 'Miles'), (3, 'Aretha')");
        return database;
    }

    static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpApi.Response ask(HttpApi api, String token, String connection, String question, String sessionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("connectionId", connection);
        body.put("question", question);
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        return api.request("POST", "/api/v1/chat/messages")
                .bearer(token)
                .json(body)
                .send();
    }
}
