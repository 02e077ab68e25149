package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.ClientConfigProperties;
import com.clickhouse.client.api.enums.SSLMode;
import io.trino.jdbc.$internal.client.uri.PropertyName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGProperty;

/**
 * The property names DataMind offers or sets must be names the driver on the class path reads: a name it does not
 * know is silently ignored, so a user's timeout or a TLS setting would not apply. Checked against the drivers' own
 * lists of names (clickhouse-jdbc 0.10: jdbc-v2 over client-v2; pgjdbc; trino-jdbc 476, whose shaded PropertyName
 * enum is the list its URL and properties parser accepts).
 */
class DriverPropertyNamesTest {

    private static final Set<String> CLICKHOUSE_NAMES = Stream.concat(
                    Arrays.stream(ClientConfigProperties.values()).map(ClientConfigProperties::getKey),
                    Arrays.stream(com.clickhouse.jdbc.DriverProperties.values())
                            .map(com.clickhouse.jdbc.DriverProperties::getKey))
            .collect(Collectors.toSet());

    @Test
    void everyClickHousePropertyIsOneTheDriverReads() {
        assertThat(CLICKHOUSE_NAMES).contains("connection_timeout").doesNotContain("connect_timeout");
        assertThat(DriverProperties.allowedNames(ConnectionType.CLICKHOUSE)).isSubsetOf(CLICKHOUSE_NAMES);
    }

    @Test
    void clickHouseTlsSettingsAreTheDriversNamesAndValues() throws Exception {
        for (String mode : new String[] {"require", "verify-full"}) {
            Map<String, String> props = clickhouse(mode);
            assertThat(CLICKHOUSE_NAMES).containsAll(props.keySet());
            // fromValue throws on a value the driver does not know.
            assertThat(SSLMode.fromValue(props.get("ssl_mode")))
                    .isEqualTo(mode.equals("require") ? SSLMode.TRUST : SSLMode.STRICT);
        }
        assertThat(clickhouse("disable")).containsEntry("ssl", "false").doesNotContainKey("ssl_mode");
    }

    @Test
    void everyPostgresqlPropertyIsOneTheDriverReads() throws Exception {
        for (String name : DriverProperties.allowedNames(ConnectionType.POSTGRESQL)) {
            assertThat(PGProperty.forName(name)).as(name).isNotNull();
        }
        ValidatedConnection verifyFull = validator()
                .validateForTest(new ConnectionDetails(
                        null,
                        "postgresql",
                        "db.example.com",
                        null,
                        "sales",
                        "analyst",
                        "pw",
                        "verify-full",
                        null,
                        null));
        for (String name : JdbcUrls.build(verifyFull).properties().stringPropertyNames()) {
            assertThat(PGProperty.forName(name)).as(name).isNotNull();
        }
    }

    @Test
    void everyTrinoPropertyIsOneTheDriverReads() {
        for (String name : DriverProperties.allowedNames(ConnectionType.TRINO)) {
            assertThat(PropertyName.findByKey(name)).as(name).isPresent();
        }
        ValidatedConnection verifyFull = validator()
                .validateForTest(new ConnectionDetails(
                        null, "trino", "db.example.com", null, "hive", "analyst", "pw", "verify-full", null, null));
        Properties props = JdbcUrls.build(verifyFull).properties();
        assertThat(props.getProperty("hostnameInCertificate")).isEqualTo("db.example.com");
        for (String name : props.stringPropertyNames()) {
            assertThat(PropertyName.findByKey(name)).as(name).isPresent();
        }
    }

    @Test
    void aClickHouseConnectionSavedWithConnectTimeoutKeepsItsValueUnderTheDriversName() {
        assertThat(DriverProperties.renamed(
                        ConnectionType.CLICKHOUSE, Map.of("connect_timeout", "5000", "compress", "true")))
                .isEqualTo(Map.of("connection_timeout", "5000", "compress", "true"));
        assertThat(DriverProperties.renamed(
                        ConnectionType.CLICKHOUSE, Map.of("connect_timeout", "5000", "connection_timeout", "7000")))
                .isEqualTo(Map.of("connection_timeout", "7000"));
        assertThat(DriverProperties.renamed(ConnectionType.POSTGRESQL, Map.of("connectTimeout", "5")))
                .isEqualTo(Map.of("connectTimeout", "5"));
    }

    private static Map<String, String> clickhouse(String sslMode) {
        ValidatedConnection connection = validator()
                .validateForTest(new ConnectionDetails(
                        null, "clickhouse", "db.example.com", null, "default", "analyst", "pw", sslMode, null, null));
        return JdbcUrls.build(connection).properties().entrySet().stream()
                .collect(Collectors.toMap(e -> (String) e.getKey(), e -> (String) e.getValue()));
    }

    private static ConnectionDetailsValidator validator() {
        return new ConnectionDetailsValidator(
                true, Path.of("files"), new FakeResolver().answer("db.example.com", "203.0.113.10"));
    }
}
