package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The driver properties the runner puts on top of the caller's, for the types whose servers are not available here
 * (ClickHouse, Trino, SQL Server): what the drivers document is all that can be relied on, so these are pinned.
 */
class DriverSettingsTest {

    private final DriverConnector connector = new DriverConnector(QueryProperties.defaults());

    @Test
    void clickhouseSessionsAreReadOnlyWithTimeouts() {
        Properties properties = connector.properties(target(
                DatabaseType.CLICKHOUSE,
                "jdbc:clickhouse://203.0.113.10:8123/default",
                Map.of("compress", "true", "socket_timeout", "1", "CLICKHOUSE_SETTING_READONLY", "0")));

        assertThat(properties)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "user", "analyst",
                        "password", "pw",
                        "compress", "true",
                        // readonly=2: no writes or DDL, but the driver may still set max_execution_time per query.
                        "clickhouse_setting_readonly", "2",
                        "connection_timeout", "5000",
                        "socket_timeout", "360000"));
    }

    @Test
    void trinoRequestsTimeOut() {
        Properties properties = connector.properties(target(
                DatabaseType.TRINO,
                "jdbc:trino://203.0.113.10:8443/hive/web",
                Map.of("SSL", "true", "timeout", "1h", "source", "DataMind")));

        assertThat(properties)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "user", "analyst",
                        "password", "pw",
                        "SSL", "true",
                        "source", "DataMind",
                        "timeout", "5s"));
    }

    @Test
    void sqlServerLogsInWithReadOnlyIntent() {
        Properties properties = connector.properties(
                target(DatabaseType.SQLSERVER, "jdbc:sqlserver://", Map.of("serverName", "203.0.113.10")));

        assertThat(properties)
                .containsEntry("loginTimeout", "5")
                .containsEntry("applicationIntent", "ReadOnly")
                .containsEntry("serverName", "203.0.113.10");
    }

    private static DataSourceTarget target(DatabaseType type, String url, Map<String, String> properties) {
        return RunnerFixtures.target(type, url, "analyst", "pw", properties, null);
    }
}
