package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A target whose URL names the host (TLS verify-full) reaches the checked address only: the runner sets DataMind's own
 * socket factory from {@link DataSourceTarget#pinnedAddress()}, whatever the caller's properties say, and the real
 * PostgreSQL and MariaDB of this machine are reached through it under a {@code .test} name no DNS answers.
 */
class PinnedAddressConnectionsTest {

    private final DriverConnector connector = new DriverConnector(QueryProperties.defaults());

    @Test
    void thePinnedAddressSetsTheRunnersOwnSocketFactoryOverTheCallers() {
        Properties pinned = connector.properties(target(
                DatabaseType.POSTGRESQL,
                "jdbc:postgresql://db.example.com:5432/sales",
                Map.of("socketFactory", "com.example.Evil", "socketFactoryArg", "10.0.0.1:1", "sslmode", "verify-full"),
                "203.0.113.10:5432"));
        assertThat(pinned)
                .containsEntry("socketFactory", PinnedSocketFactory.class.getName())
                .containsEntry("socketFactoryArg", "203.0.113.10:5432")
                .containsEntry("sslmode", "verify-full");

        Properties unpinned = connector.properties(target(
                DatabaseType.POSTGRESQL,
                "jdbc:postgresql://203.0.113.10:5432/sales",
                Map.of("socketFactory", "com.example.Evil", "socketFactoryArg", "10.0.0.1:1"),
                null));
        assertThat(unpinned).doesNotContainKeys("socketFactory", "socketFactoryArg");

        Properties mariadb = connector.properties(target(
                DatabaseType.MARIADB,
                "jdbc:mariadb://db.example.com:3306/shop",
                Map.of("socketFactory", "com.example.Evil", MariadbPinnedSocketFactory.OPTION, "10.0.0.1:1"),
                "203.0.113.10:3306"));
        assertThat(mariadb)
                .containsEntry("socketFactory", MariadbPinnedSocketFactory.class.getName())
                .containsEntry(MariadbPinnedSocketFactory.OPTION, "203.0.113.10:3306");
        assertThat(connector.properties(target(
                        DatabaseType.MYSQL,
                        "jdbc:mariadb://203.0.113.10:3306/shop",
                        Map.of(MariadbPinnedSocketFactory.OPTION, "10.0.0.1:1"),
                        null)))
                .doesNotContainKeys("socketFactory", MariadbPinnedSocketFactory.OPTION);
    }

    @Test
    void aDriverWithoutASocketHookCannotBePinned() {
        assertThatThrownBy(() -> connector.properties(target(
                        DatabaseType.CLICKHOUSE,
                        "jdbc:clickhouse://db.example.com:8443/default",
                        Map.of(),
                        "1.2.3.4:1")))
                .isInstanceOf(QueryFailedException.class);
    }

    @Test
    void postgresqlIsReachedThroughThePinnedAddressWithoutDns() throws Exception {
        DataSourceTarget target = RunnerFixtures.target(
                DatabaseType.POSTGRESQL,
                "jdbc:postgresql://pg.datamind.test:" + TestServices.PG_PORT + "/test",
                TestServices.PG_USER,
                "",
                // This server has no TLS; the pinning is what is under test.
                Map.of("sslmode", "disable"),
                TestServices.PG_HOST + ":" + TestServices.PG_PORT);
        try (Connection connection = connector.open(target);
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT inet_server_port(), current_setting('transaction_read_only')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Integer.parseInt(TestServices.PG_PORT));
            assertThat(rs.getString(2)).isEqualTo("on");
        }
    }

    @Test
    void mariadbIsReachedThroughThePinnedAddressWithoutDns() throws Exception {
        DataSourceTarget target = RunnerFixtures.target(
                DatabaseType.MARIADB,
                "jdbc:mariadb://db.datamind.test:" + TestServices.MARIADB_PORT + "/",
                TestServices.MARIADB_USER,
                null,
                Map.of("sslMode", "disable"),
                TestServices.MARIADB_HOST + ":" + TestServices.MARIADB_PORT);
        try (Connection connection = connector.open(target);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@port")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Integer.parseInt(TestServices.MARIADB_PORT));
        }
    }

    private static DataSourceTarget target(
            DatabaseType type, String url, Map<String, String> properties, String pinnedAddress) {
        return RunnerFixtures.target(type, url, "analyst", "pw", properties, pinnedAddress);
    }
}
