package io.datamind.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real services of this machine that tests use (never mocks of them). Each test that needs a database makes
 * its own, so tests can run in any order and leave nothing behind that matters.
 */
public final class TestServices {

    public static final String PG_HOST = env("DATAMIND_TEST_PG_HOST", "127.0.0.1");
    public static final String PG_PORT = env("DATAMIND_TEST_PG_PORT", "5432");
    public static final String PG_USER = env("DATAMIND_TEST_PG_USER", "postgres");
    public static final String MARIADB_HOST = env("DATAMIND_TEST_MARIADB_HOST", "127.0.0.1");
    public static final String MARIADB_PORT = env("DATAMIND_TEST_MARIADB_PORT", "3306");
    public static final String MARIADB_USER = env("DATAMIND_TEST_MARIADB_USER", "root");
    public static final String REDIS_URL =
            "redis://" + env("DATAMIND_TEST_REDIS_HOST", "127.0.0.1") + ":" + env("DATAMIND_TEST_REDIS_PORT", "6379");

    private TestServices() {}

    public static String postgresUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    public static String mariadbUrl(String database) {
        return "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + database;
    }

    /** Creates an empty PostgreSQL database with a unique name and returns its name. */
    public static String createPostgresDatabase(String prefix) {
        return createDatabase(postgresUrl("test"), PG_USER, prefix);
    }

    /** Creates an empty MariaDB database with a unique name and returns its name. */
    public static String createMariadbDatabase(String prefix) {
        return createDatabase(mariadbUrl("test"), MARIADB_USER, prefix);
    }

    private static String createDatabase(String adminUrl, String user, String prefix) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " at " + adminUrl, e);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
