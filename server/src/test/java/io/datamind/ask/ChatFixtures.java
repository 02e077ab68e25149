package io.datamind.ask;

import io.datamind.support.HttpApi;
import io.datamind.support.TestConnections;
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

    /** A saved connection to a PostgreSQL database of the test server, after its first schema sync. */
    static String postgresConnection(HttpApi api, String token, String database) {
        String connection = TestConnections.createPostgres(api, token, "pg " + database, database);
        TestConnections.awaitSchema(api, token, connection);
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
