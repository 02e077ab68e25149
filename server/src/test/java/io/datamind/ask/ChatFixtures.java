package io.datamind.ask;

import io.datamind.support.HttpApi;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /**
     * Waits until a query containing {@code fragment} is (or is no longer) active in the PostgreSQL database; true
     * when it got there within the time. A cursor's FETCH counts as the query running.
     */
    static boolean awaitQuery(String database, String fragment, boolean running, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl("test"), TestServices.PG_USER, "");
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                        + " AND state = 'active' AND (query LIKE ? OR query LIKE 'FETCH %')")) {
            s.setString(1, database);
            s.setString(2, "%" + fragment + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if ((rs.getLong(1) > 0) == running) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
        }
        return false;
    }
}
