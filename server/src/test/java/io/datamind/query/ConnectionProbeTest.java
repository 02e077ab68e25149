package io.datamind.query;

import static io.datamind.query.RunnerFixtures.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.TestServices;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection tests: version and latency, the read-only-user advice, and failures that reveal nothing about ports. */
class ConnectionProbeTest {

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;

    @BeforeAll
    static void setUp() throws Exception {
        runner = new PooledQueryRunner(RunnerFixtures.properties(Duration.ofMinutes(1), Duration.ofSeconds(1), 3, 10));
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_probe"));
        exec(postgres, "CREATE TABLE t (a int)", "CREATE TABLE u (a int)");
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_probe"));
        exec(mariadb, "CREATE TABLE t (a int)");
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    @Test
    void postgresSuperuserIsWarnedReadOnlyRoleIsNot() throws Exception {
        ConnectionProbe superuser = runner.test(postgres);
        assertThat(superuser.ok()).isTrue();
        assertThat(superuser.serverVersion()).startsWith("PostgreSQL 15");
        assertThat(superuser.latencyMs()).isNotNegative();
        assertThat(superuser.warnings())
                .singleElement()
                .asString()
                .startsWith("The configured user can write (superuser")
                .endsWith("a read-only database user is recommended");

        String role = "ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = postgres.jdbcUrl().substring(postgres.jdbcUrl().lastIndexOf('/') + 1);
        exec(
                postgres,
                "CREATE ROLE " + role + " LOGIN",
                "GRANT CONNECT ON DATABASE " + database + " TO " + role,
                "GRANT USAGE ON SCHEMA public TO " + role,
                "GRANT SELECT ON t, u TO " + role);
        try {
            DataSourceTarget readOnly = RunnerFixtures.postgres(database, role, Map.of());
            ConnectionProbe probe = runner.test(readOnly);
            assertThat(probe.ok()).isTrue();
            assertThat(probe.warnings()).isEmpty();
            assertThat(runner.execute(readOnly, "SELECT count(*) FROM t", runner.defaultLimits())
                            .rows())
                    .hasSize(1);

            exec(postgres, "GRANT INSERT ON u TO " + role);
            assertThat(runner.test(readOnly).warnings())
                    .singleElement()
                    .asString()
                    .contains("INSERT, UPDATE, DELETE or TRUNCATE on public.u");
            runner.closePool(readOnly.connectionId());
        } finally {
            exec(postgres, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void mariadbRootIsWarnedSelectOnlyUserIsNot() throws Exception {
        ConnectionProbe root = runner.test(mariadb);
        assertThat(root.ok()).isTrue();
        assertThat(root.serverVersion()).contains("MariaDB");
        assertThat(root.warnings()).singleElement().asString().contains("ALL PRIVILEGES on *.*");

        String user = "ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = mariadb.jdbcUrl().substring(mariadb.jdbcUrl().lastIndexOf('/') + 1);
        String password = "Reader-" + UUID.randomUUID();
        List<String> hosts = List.of("%", "localhost", "127.0.0.1");
        for (String host : hosts) {
            exec(
                    mariadb,
                    "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'",
                    "GRANT SELECT ON " + database + ".* TO '" + user + "'@'" + host + "'");
        }
        try {
            DataSourceTarget readOnly = RunnerFixtures.mariadb(database, user, password);
            ConnectionProbe probe = runner.test(readOnly);
            assertThat(probe.ok()).as(probe.message()).isTrue();
            assertThat(probe.warnings()).isEmpty();

            DataSourceTarget wrongPassword = RunnerFixtures.mariadb(database, user, "Wrong-" + password);
            ConnectionProbe refused = runner.test(wrongPassword);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.message()).isEqualTo(QueryErrors.AUTH_FAILURE);
            assertThat(refused.message()).doesNotContain(password);
        } finally {
            for (String host : hosts) {
                exec(mariadb, "DROP USER '" + user + "'@'" + host + "'");
            }
        }
    }

    @Test
    void networkFailuresAllReadTheSame() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket chatty = new ServerSocket()) {
            chatty.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread http = new Thread(() -> answerWithHttp(chatty));
            http.setDaemon(true);
            http.start();

            List<String> addresses = List.of(
                    "127.0.0.1:" + closedPort, // closed
                    "127.0.0.1:" + silent.getLocalPort(), // accepts, never answers (as a filtering firewall would)
                    "127.0.0.1:" + chatty.getLocalPort(), // another protocol
                    "no-such-host.invalid:5432"); // unresolvable
            List<String> messages = new ArrayList<>();
            for (DatabaseType type : List.of(DatabaseType.POSTGRESQL, DatabaseType.MARIADB)) {
                for (String address : addresses) {
                    String scheme = type == DatabaseType.POSTGRESQL ? "postgresql" : "mariadb";
                    DataSourceTarget target = new DataSourceTarget(
                            UUID.randomUUID(),
                            RunnerFixtures.ORG,
                            type,
                            "jdbc:" + scheme + "://" + address + "/test",
                            "someone",
                            "Secret-Password-1",
                            Map.of(),
                            "f",
                            null);
                    ConnectionProbe probe = runner.test(target);
                    assertThat(probe.ok()).isFalse();
                    assertThat(probe.latencyMs()).isZero();
                    assertThat(probe.serverVersion()).isNull();
                    messages.add(probe.message());
                }
            }
            assertThat(messages).containsOnly(QueryErrors.NETWORK_FAILURE);
        }
    }

    private static void answerWithHttp(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept();
                    OutputStream out = client.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                return;
            }
        }
    }

    @Test
    void unknownDatabaseSaysSo() {
        ConnectionProbe probe = runner.test(RunnerFixtures.postgres("no_such_database_here"));
        assertThat(probe.ok()).isFalse();
        assertThat(probe.message()).contains("no_such_database_here").contains("does not exist");
    }

    @Test
    void urlsOfOtherDriversAndForbiddenOptionsAreRefused() {
        DataSourceTarget h2 = new DataSourceTarget(
                UUID.randomUUID(),
                RunnerFixtures.ORG,
                DatabaseType.POSTGRESQL,
                "jdbc:h2:mem:x",
                null,
                null,
                null,
                "f",
                null);
        assertThat(runner.test(h2).message()).contains("does not match the database type");
        DataSourceTarget factory = RunnerFixtures.postgres(
                "test?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext");
        ConnectionProbe probe = runner.test(factory);
        assertThat(probe.ok()).isFalse();
        assertThat(probe.message()).contains("option DataMind does not allow");
        DataSourceTarget encoded = RunnerFixtures.postgres("test?%73ocketFactory=x");
        assertThat(runner.test(encoded).message()).contains("option DataMind does not allow");
    }

    @Test
    void passwordsStayOutOfStringsAndMessages() {
        DataSourceTarget target = RunnerFixtures.mariadb("test", "nobody_here", "Very-Secret-Pw-42");
        assertThat(target.toString()).doesNotContain("Very-Secret-Pw-42").contains("password=***");
        ConnectionProbe probe = runner.test(target);
        assertThat(probe.message()).isEqualTo(QueryErrors.AUTH_FAILURE);
        assertThat(QueryErrors.sanitize(
                        "failed for jdbc:postgresql://10.0.0.1/db?password=Very-Secret-Pw-42 with Very-Secret-Pw-42",
                        target))
                .doesNotContain("Very-Secret-Pw-42")
                .doesNotContain("10.0.0.1");
    }
}
