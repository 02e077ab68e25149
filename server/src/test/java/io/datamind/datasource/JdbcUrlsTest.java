package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.MariadbPinnedSocketFactory;
import io.datamind.query.PinnedSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact URL and properties for each type, from validated details only. */
class JdbcUrlsTest {

    @TempDir
    Path temp;

    private ConnectionDetailsValidator validator;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("files"));
        FakeResolver resolver =
                new FakeResolver().answer("db.example.com", "203.0.113.10").answer("v6.example.com", "2001:db8::10");
        validator = new ConnectionDetailsValidator(true, root, resolver);
    }

    @Test
    void postgresql() {
        JdbcConnectionSpec spec =
                build("postgresql", "db.example.com", null, "sales", "verify-ca", Map.of("connectTimeout", "10"));

        assertThat(spec.url()).isEqualTo("jdbc:postgresql://203.0.113.10:5432/sales");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "sslmode", "verify-ca",
                        "ApplicationName", "DataMind",
                        "connectTimeout", "10"));
    }

    @Test
    void postgresqlVerifyFullKeepsTheNameForTheCertificateAndPinsTheCheckedAddress() {
        JdbcConnectionSpec spec =
                build("postgresql", "db.example.com", null, "sales", "verify-full", Map.of("connectTimeout", "10"));

        assertThat(spec.url()).isEqualTo("jdbc:postgresql://db.example.com:5432/sales");
        // What the runner sets the socket factory from (it drops socketFactory from the properties it is given).
        assertThat(spec.pinnedAddress()).isEqualTo("203.0.113.10:5432");
        assertThat(ConnectionTargets.target(
                                java.util.UUID.randomUUID(),
                                java.util.UUID.randomUUID(),
                                validated("postgresql", "db.example.com", "verify-full"))
                        .pinnedAddress())
                .isEqualTo("203.0.113.10:5432");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "sslmode", "verify-full",
                        "ApplicationName", "DataMind",
                        "connectTimeout", "10",
                        "socketFactory", PinnedSocketFactory.class.getName(),
                        "socketFactoryArg", "203.0.113.10:5432"));
        assertThat(props(build("postgresql", "v6.example.com", 6432, "sales", "verify-full", Map.of())))
                .containsEntry("socketFactoryArg", "[2001:db8:0:0:0:0:0:10]:6432");
        // An address typed as such is what the certificate must name: nothing to pin.
        JdbcConnectionSpec literal = build("postgresql", "203.0.113.10", null, "sales", "verify-full", Map.of());
        assertThat(literal.url()).isEqualTo("jdbc:postgresql://203.0.113.10:5432/sales");
        assertThat(props(literal)).doesNotContainKeys("socketFactory", "socketFactoryArg");
        assertThat(literal.pinnedAddress()).isNull();
    }

    @Test
    void postgresqlOverIpv6WithDefaultsAndNoPassword() {
        ValidatedConnection connection = validator.validateForTest(
                new ConnectionDetails(null, "postgresql", "::1", null, null, "analyst", null, null, null, null));
        JdbcConnectionSpec spec = JdbcUrls.build(connection);

        assertThat(spec.url()).isEqualTo("jdbc:postgresql://[0:0:0:0:0:0:0:1]:5432/");
        // An explicit empty password keeps pgjdbc from reading this server's ~/.pgpass.
        assertThat(props(spec)).containsEntry("password", "").containsEntry("sslmode", "prefer");
    }

    @Test
    void aResolvedIpv6NameGoesInBrackets() {
        JdbcConnectionSpec spec = build("postgresql", "v6.example.com", 6432, "sales", null, Map.of());
        assertThat(spec.url()).isEqualTo("jdbc:postgresql://[2001:db8:0:0:0:0:0:10]:6432/sales");
    }

    @Test
    void anApplicationNameGivenByTheUserWins() {
        JdbcConnectionSpec spec =
                build("postgresql", "db.example.com", null, "sales", null, Map.of("ApplicationName", "Finance BI"));
        assertThat(props(spec)).containsEntry("ApplicationName", "Finance BI");
    }

    @Test
    void mysqlGoesThroughTheMariadbDriversSchemeAndOptions() {
        JdbcConnectionSpec spec =
                build("mysql", "db.example.com", null, "shop", "verify-full", Map.of("connectTimeout", "5000"));

        assertThat(spec.url()).isEqualTo("jdbc:mariadb://db.example.com:3306/shop");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "sslMode", "verify-full",
                        "allowLocalInfile", "false",
                        "allowMultiQueries", "false",
                        "permitRedirect", "false",
                        "connectTimeout", "5000",
                        "socketFactory", MariadbPinnedSocketFactory.class.getName(),
                        "datamindPinnedAddress", "203.0.113.10:3306"));
    }

    @Test
    void mysqlSslModesAreTheMariadbDriversValues() {
        assertThat(props(build("mysql", "db.example.com", null, "shop", null, Map.of())))
                .containsEntry("sslMode", "disable");
        assertThat(props(build("mysql", "db.example.com", null, "shop", "require", Map.of())))
                .containsEntry("sslMode", "trust");
        assertThat(props(build("mysql", "db.example.com", null, "shop", "verify-ca", Map.of())))
                .containsEntry("sslMode", "verify-ca");
    }

    @Test
    void mariadb() {
        JdbcConnectionSpec spec = build("mariadb", "v6.example.com", 3307, "shop", "require", Map.of());

        assertThat(spec.url()).isEqualTo("jdbc:mariadb://[2001:db8:0:0:0:0:0:10]:3307/shop");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "sslMode", "trust",
                        "allowLocalInfile", "false",
                        "allowMultiQueries", "false",
                        "permitRedirect", "false"));
        assertThat(props(build("mariadb", "db.example.com", null, "shop", null, Map.of())))
                .containsEntry("sslMode", "disable");
        JdbcConnectionSpec verifyFull = build("mariadb", "db.example.com", null, "shop", "verify-full", Map.of());
        // The name for the certificate's host name check; the socket goes to the checked address.
        assertThat(verifyFull.url()).isEqualTo("jdbc:mariadb://db.example.com:3306/shop");
        assertThat(props(verifyFull))
                .containsEntry("sslMode", "verify-full")
                .containsEntry("socketFactory", MariadbPinnedSocketFactory.class.getName())
                .containsEntry("datamindPinnedAddress", "203.0.113.10:3306");
        assertThat(build("mysql", "db.example.com", null, "shop", "verify-ca", Map.of())
                        .url())
                .isEqualTo("jdbc:mariadb://203.0.113.10:3306/shop");
    }

    @Test
    void clickhouse() {
        JdbcConnectionSpec plain = build("clickhouse", "db.example.com", null, "default", null, Map.of());
        assertThat(plain.url()).isEqualTo("jdbc:clickhouse://203.0.113.10:8123/default");
        assertThat(props(plain)).isEqualTo(Map.of("user", "analyst", "password", "s3cret;?&", "ssl", "false"));

        JdbcConnectionSpec tls = build("clickhouse", "db.example.com", null, "default", "verify-full", Map.of());
        assertThat(tls.url()).isEqualTo("jdbc:clickhouse://203.0.113.10:8443/default");
        assertThat(props(tls)).containsEntry("ssl", "true").containsEntry("ssl_mode", "STRICT");
        assertThat(props(build("clickhouse", "db.example.com", null, null, "require", Map.of())))
                .containsEntry("ssl_mode", "TRUST");
    }

    @Test
    void trino() {
        JdbcConnectionSpec spec = build("trino", "db.example.com", null, "hive.web", "verify-full", Map.of());
        assertThat(spec.url()).isEqualTo("jdbc:trino://203.0.113.10:8443/hive/web");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "SSL", "true",
                        "SSLVerification", "FULL",
                        "hostnameInCertificate", "db.example.com",
                        "source", "DataMind"));

        ValidatedConnection plain = validator.validateForTest(new ConnectionDetails(
                null, "trino", "db.example.com", null, "hive", "analyst", null, null, null, null));
        JdbcConnectionSpec plainSpec = JdbcUrls.build(plain);
        assertThat(plainSpec.url()).isEqualTo("jdbc:trino://203.0.113.10:8080/hive");
        assertThat(props(plainSpec)).isEqualTo(Map.of("user", "analyst", "source", "DataMind"));

        ValidatedConnection v6 = validator.validateForTest(
                new ConnectionDetails(null, "trino", "::1", null, "tpch", "analyst", null, "verify-ca", null, null));
        JdbcConnectionSpec v6Spec = JdbcUrls.build(v6);
        assertThat(v6Spec.url()).isEqualTo("jdbc:trino://[0:0:0:0:0:0:0:1]:8443/tpch");
        assertThat(props(v6Spec)).containsEntry("SSLVerification", "CA").doesNotContainKey("hostnameInCertificate");
    }

    @Test
    void sqlserverPutsEverythingInPropertiesAndChecksTheCertificateAgainstTheTypedName() {
        JdbcConnectionSpec spec = build("sqlserver", "db.example.com", null, "Sales", null, Map.of());
        assertThat(spec.url()).isEqualTo("jdbc:sqlserver://");
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "serverName", "203.0.113.10",
                        "portNumber", "1433",
                        "databaseName", "Sales",
                        "user", "analyst",
                        "password", "s3cret;?&",
                        "encrypt", "true",
                        "trustServerCertificate", "false",
                        "hostNameInCertificate", "db.example.com",
                        "applicationName", "DataMind"));

        JdbcConnectionSpec v6 = build("sqlserver", "v6.example.com", 14330, null, "require", Map.of());
        assertThat(props(v6))
                .containsEntry("serverName", "2001:db8:0:0:0:0:0:10")
                .containsEntry("portNumber", "14330")
                .containsEntry("trustServerCertificate", "true")
                .doesNotContainKeys("databaseName", "hostNameInCertificate");
        assertThat(props(build("sqlserver", "db.example.com", null, null, "disable", Map.of())))
                .containsEntry("encrypt", "false");
    }

    @Test
    void sqliteOpensTheRealFileReadOnly() throws Exception {
        Path file = Files.writeString(root.resolve("chinook.sqlite"), "x");
        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(
                new ConnectionDetails(null, "sqlite", null, null, null, null, null, null, null, "chinook.sqlite")));
        assertThat(spec.url()).isEqualTo("jdbc:sqlite:" + file.toRealPath());
        assertThat(props(spec)).isEqualTo(Map.of("open_mode", "1"));
    }

    @Test
    void duckdbOpensTheRealFileReadOnlyWithoutExternalAccess() throws Exception {
        Path file = Files.writeString(root.resolve("sales.duckdb"), "x");
        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(
                new ConnectionDetails(null, "duckdb", null, null, null, null, null, null, null, "sales.duckdb")));
        assertThat(spec.url()).isEqualTo("jdbc:duckdb:" + file.toRealPath());
        assertThat(props(spec))
                .isEqualTo(Map.of(
                        "duckdb.read_only", "true",
                        "enable_external_access", "false",
                        "autoinstall_known_extensions", "false",
                        "autoload_known_extensions", "false",
                        "lock_configuration", "true"));
    }

    @Test
    void credentialsNeverAppearInTheUrlOrTheDescription() {
        for (String type : new String[] {"postgresql", "mysql", "mariadb", "clickhouse", "trino", "sqlserver"}) {
            JdbcConnectionSpec spec = build(type, "db.example.com", null, "db", "require", Map.of());
            assertThat(spec.url()).doesNotContain("analyst").doesNotContain("s3cret");
            assertThat(spec.toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void propertiesAreACopyEachTime() {
        JdbcConnectionSpec spec = build("postgresql", "db.example.com", null, "sales", null, Map.of());
        spec.properties().setProperty("socketFactory", "com.example.Evil");
        assertThat(spec.properties()).doesNotContainKey("socketFactory");
    }

    @Test
    void theFingerprintFollowsEveryDetail() {
        String base = build("postgresql", "db.example.com", null, "sales", null, Map.of())
                .fingerprint();
        assertThat(build("postgresql", "db.example.com", null, "sales", null, Map.of())
                        .fingerprint())
                .isEqualTo(base)
                .hasSize(64);
        assertThat(build("postgresql", "db.example.com", null, "sales2", null, Map.of())
                        .fingerprint())
                .isNotEqualTo(base);
        assertThat(build("postgresql", "db.example.com", null, "sales", "require", Map.of())
                        .fingerprint())
                .isNotEqualTo(base);
        ValidatedConnection otherPassword = validator.validateForTest(new ConnectionDetails(
                null, "postgresql", "db.example.com", null, "sales", "analyst", "other", null, null, null));
        assertThat(JdbcUrls.build(otherPassword).fingerprint()).isNotEqualTo(base);
    }

    private ValidatedConnection validated(String type, String host, String sslMode) {
        return validator.validateForTest(
                new ConnectionDetails(null, type, host, null, "sales", "analyst", null, sslMode, null, null));
    }

    private JdbcConnectionSpec build(
            String type, String host, Integer port, String database, String sslMode, Map<String, String> properties) {
        return JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null, type, host, port, database, "analyst", "s3cret;?&", sslMode, properties, null)));
    }

    private static Map<String, String> props(JdbcConnectionSpec spec) {
        Properties properties = spec.properties();
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
