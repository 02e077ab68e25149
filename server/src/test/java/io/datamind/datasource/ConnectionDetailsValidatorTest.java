package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.common.ApiException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionDetailsValidatorTest {

    @TempDir
    Path temp;

    private Path root;
    private FakeResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("files"));
        resolver = new FakeResolver();
    }

    // ---- host ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2852039166", // 169.254.169.254 as one decimal number
                "0xA9FEA9FE", // ... as hex
                "0xa9.0xfe.0xa9.0xfe",
                "0251.0376.0251.0376", // ... as octal
                "169.254.169.254.", // trailing dot
                "127.1", // shortened
                "0177.0.0.1",
                "127.000.000.001",
                "1.2.3.4.5",
                "256.1.1.1",
                "169.254.169.254",
                "169.254.0.1",
                "100.100.100.200", // Alibaba Cloud metadata
                "192.0.0.192", // Oracle Cloud metadata
                "[::ffff:169.254.169.254]", // IPv4-mapped IPv6
                "::ffff:169.254.169.254",
                "::ffff:a9fe:a9fe",
                "::169.254.169.254", // IPv4-compatible IPv6
                "64:ff9b::a9fe:a9fe", // NAT64
                "2002:a9fe:a9fe::1", // 6to4
                "2001:0:a9fe:a9fe::1", // Teredo server part
                "::ffff:0251.0376.0251.0376",
                "fe80::1",
                "FE80::abcd",
                "febf::1",
                "fe80::1%eth0",
                "fe80::1%25eth0",
                "fd00:ec2::254", // AWS metadata over IPv6
                "fd00:0ec2:0000:0000:0000:0000:0000:0254",
                "0.0.0.0",
                "0.1.2.3",
                "::",
                "0:0:0:0:0:0:0:0",
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1",
                "255.255.255.255",
                "240.0.0.1",
                "metadata",
                "METADATA.google.internal",
                "metadata.google.internal.",
                "metadata.goog",
                "instance-data",
                "127.0.0.1:5432",
                "[127.0.0.1]",
                "[db.example.com]",
                "[::1",
                "::1]",
                "db.example.com/x",
                "db.example.com?x=1",
                "db.example.com#",
                "db.example.com;x",
                "db.example.com&x",
                "x=y",
                "user@db.example.com",
                "db%2eexample.com",
                "(db)",
                "a,b",
                "db example.com",
                "db.example.com\t",
                " db.example.com",
                "db.example.com\n",
                "db\u0000.example.com",
                "dbé.example.com",
                "\u0501b.example.com", // Cyrillic look-alike of 'd'
                "db\u200b.example.com", // zero-width space
                "db\uff0eexample.com", // full-width dot
                "a..b",
                "-a.example.com",
                "a-.example.com",
                "http://db",
                "jdbc:postgresql://db/x",
                "1:2:3:4:5:6:7:8:9",
                "12345::1::2",
                "gggg::1",
                ".::1.2.3.4",
                "::1.2.3.4.5",
                "1.2::3",
                "::ffff:0:a9fe:a9fe", // IPv4-translated
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com", // label too long
            })
    void refusesHostsThatAreNotAPlainNameOrSafeAddressWithoutAnyLookup(String host) {
        assertRefused(() -> validator(true).validateForTest(postgres(host)), "host");
        assertThat(resolver.lookups).isEmpty();
    }

    @Test
    void refusesNamesLongerThanDnsAllows() {
        String longName = ("a".repeat(60) + ".").repeat(4) + "example.com";
        assertThat(longName.length()).isGreaterThan(253);
        assertRefused(() -> validator(true).validateForTest(postgres(longName)), "host");
        assertThat(resolver.lookups).isEmpty();
    }

    @Test
    void checkedAddressesNeverNeedAReverseLookup() {
        resolver.answer("db.example.com", "203.0.113.7");
        assertThat(validator(true)
                        .validateForTest(postgres("db.example.com"))
                        .address()
                        .getHostName())
                .isEqualTo("203.0.113.7");
        assertThat(validator(true).validateForTest(postgres("::1")).address().getHostName())
                .isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(validator(true)
                        .validateForTest(postgres("10.0.0.1"))
                        .address()
                        .getHostName())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void refusesAMissingHost() {
        assertRefused(() -> validator(true).validateForTest(postgres(null)), "host");
        assertRefused(() -> validator(true).validateForTest(postgres("")), "host");
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "10.1.2.3, 10.1.2.3",
        "8.8.8.8, 8.8.8.8",
        "0.0.1.0.example.com, 203.0.113.7",
        "::1, [0:0:0:0:0:0:0:1]",
        "[::1], [0:0:0:0:0:0:0:1]",
        "2001:db8::5, [2001:db8:0:0:0:0:0:5]",
        "[2001:DB8::5], [2001:db8:0:0:0:0:0:5]",
        "::ffff:10.0.0.1, 10.0.0.1",
        "fd12:3456::1, [fd12:3456:0:0:0:0:0:1]",
    })
    void acceptsAddressLiteralsAndPinsTheAddress(String host, String literal) {
        resolver.answer("0.0.1.0.example.com", "203.0.113.7");
        ValidatedConnection connection = validator(true).validateForTest(postgres(host));
        assertThat(connection.addressLiteral()).isEqualTo(literal);
    }

    @Test
    void ipLiteralsNeverGoToDns() {
        validator(true).validateForTest(postgres("10.1.2.3"));
        validator(true).validateForTest(postgres("::1"));
        assertThat(resolver.lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "::1",
                "10.0.0.1",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.1.1",
                "100.64.0.1",
                "100.127.255.255",
                "fd12:3456::1",
                "fc00::1",
                "fec0::1",
                "::ffff:192.168.0.1",
                "64:ff9b::a00:1",
                "2002:c0a8:101::1"
            })
    void privateAndLoopbackAddressesAreRefusedWhenPrivateNetworksAreOff(String host) {
        assertThat(validator(true).validateForTest(postgres(host)).address()).isNotNull();
        assertRefused(() -> validator(false).validateForTest(postgres(host)), "host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.15.0.1", "172.32.0.1", "100.63.0.1", "100.128.0.1", "2001:db8::1"})
    void publicAddressesPassWithPrivateNetworksOff(String host) {
        assertThat(validator(false).validateForTest(postgres(host)).address()).isNotNull();
    }

    @Test
    void localhostIsResolvedByTheSystemAndIsLoopback() {
        ConnectionDetailsValidator allowing = new ConnectionDetailsValidator(true, root, HostResolver.SYSTEM);
        ValidatedConnection connection = allowing.validateForTest(postgres("localhost"));
        assertThat(connection.address().isLoopbackAddress()).isTrue();
        assertThat(connection.displayHost()).isEqualTo("localhost");

        ConnectionDetailsValidator refusing = new ConnectionDetailsValidator(false, root, HostResolver.SYSTEM);
        assertThatThrownBy(() -> refusing.validateForTest(postgres("localhost")))
                .hasMessageContaining("loopback");
    }

    @Test
    void aNameIsResolvedOnceAndTheCheckedAddressIsKept() {
        resolver.answer("db.example.com", "203.0.113.7", "203.0.113.8");
        ValidatedConnection connection = validator(false).validateForTest(postgres("DB.Example.COM"));

        assertThat(resolver.lookups).containsExactly("db.example.com");
        assertThat(connection.displayHost()).isEqualTo("db.example.com");
        assertThat(connection.address()).isInstanceOf(Inet4Address.class);
        assertThat(connection.addressLiteral()).isEqualTo("203.0.113.7");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsRefused() {
        resolver.answer("rebind.example.com", "203.0.113.7", "169.254.169.254");
        assertThatThrownBy(() -> validator(true).validateForTest(postgres("rebind.example.com")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("resolves to 169.254.169.254")
                .hasMessageContaining("link-local");

        resolver.answer("mapped.example.com", "::ffff:a9fe:a9fe");
        assertRefused(() -> validator(true).validateForTest(postgres("mapped.example.com")), "host");

        resolver.answer("v6meta.example.com", "fd00:ec2::254");
        assertRefused(() -> validator(true).validateForTest(postgres("v6meta.example.com")), "host");

        resolver.answer("internal.example.com", "10.0.0.5");
        assertThat(validator(true)
                        .validateForTest(postgres("internal.example.com"))
                        .addressLiteral())
                .isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> validator(false).validateForTest(postgres("internal.example.com")))
                .hasMessageContaining("private network");
    }

    @Test
    void anUnknownNameIsAFieldError() {
        assertThatThrownBy(() -> validator(true).validateForTest(postgres("nowhere.example.com")))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsExactly(
                                        new ApiException.FieldError("host", "nowhere.example.com cannot be resolved")));
    }

    @Test
    void noLookupHappensWhileAnyOtherFieldIsWrong() {
        resolver.answer("db.example.com", "203.0.113.7");
        ConnectionDetails badPort = new ConnectionDetails(
                null, "postgresql", "db.example.com", 0, "sales", "analyst", null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(badPort), "port");
        assertThat(resolver.lookups).isEmpty();
    }

    // ---- port, type, name, database, username, password --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesPortsOutsideTheTcpRange(int port) {
        ConnectionDetails details =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", port, "db", "u", null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(details), "port");
    }

    @ParameterizedTest
    @CsvSource({
        "postgresql, , 5432",
        "mysql, , 3306",
        "mariadb, , 3306",
        "clickhouse, , 8123",
        "clickhouse, require, 8443",
        "trino, , 8080",
        "trino, verify-full, 8443",
        "sqlserver, , 1433",
    })
    void usesTheTypesDefaultPortWhenNoneIsGiven(String type, String sslMode, int port) {
        String database = type.equals("trino") ? "hive" : null;
        ConnectionDetails details =
                new ConnectionDetails(null, type, "127.0.0.1", null, database, "u", null, sslMode, null, null);
        assertThat(validator(true).validateForTest(details).port()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "H2", "jdbc", "postgres", "postgresql ", "odbc", "oracle", "\uff50ostgresql", "mem"})
    void refusesUnknownTypes(String type) {
        ConnectionDetails details =
                new ConnectionDetails(null, type, "127.0.0.1", 5432, "db", "u", null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(details), "type");
    }

    @Test
    void acceptsTypesInAnyLetterCase() {
        ConnectionDetails details =
                new ConnectionDetails(null, "PostgreSQL", "127.0.0.1", 5432, "db", "u", null, null, null, null);
        assertThat(validator(true).validateForTest(details).type()).isEqualTo(ConnectionType.POSTGRESQL);
    }

    @Test
    void aNameIsRequiredToSaveButNotToTest() {
        ConnectionDetails unnamed = postgres("127.0.0.1");
        assertThat(validator(true).validateForTest(unnamed).name()).isNull();
        assertRefused(() -> validator(true).validateForSave(unnamed), "name");
        assertRefused(() -> validator(true).validateForSave(withName(unnamed, "   ")), "name");
        assertRefused(() -> validator(true).validateForSave(withName(unnamed, "x".repeat(101))), "name");
        assertRefused(() -> validator(true).validateForSave(withName(unnamed, "Sales\u202Egnp.exe")), "name");
        assertThat(validator(true)
                        .validateForSave(withName(unnamed, "  Ventes été 2024 "))
                        .name())
                .isEqualTo("Ventes été 2024");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sales db",
                "sales;x",
                "sales?x",
                "sales/x",
                "sales#",
                "sales%00",
                "sales&a=b",
                "a=b",
                "(x)",
                "a,b",
                "a:b",
                "a@b",
                "[a]",
                "sälj",
                "..",
                ".",
                "x\u0000",
                "x\n",
                "'x'",
                "\"x\""
            })
    void refusesDatabaseAndUserNamesWithUrlSyntaxOrOddCharacters(String value) {
        ConnectionDetails badDatabase =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, value, "u", null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(badDatabase), "database");
        ConnectionDetails badUser =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, "db", value, null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(badUser), "username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales_2024", "my-db", "db.v2", "Sales$", "a"})
    void acceptsOrdinaryDatabaseAndUserNames(String value) {
        ConnectionDetails details =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, value, value, null, null, null, null);
        ValidatedConnection connection = validator(true).validateForTest(details);
        assertThat(connection.database()).isEqualTo(value);
        assertThat(connection.username()).isEqualTo(value);
    }

    @Test
    void aUserIsRequiredForNetworkSourcesAndTheDatabaseIsOptional() {
        ConnectionDetails noUser =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, "db", null, null, null, null, null);
        assertRefused(() -> validator(true).validateForTest(noUser), "username");
        ConnectionDetails noDatabase =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, null, "u", null, null, null, null);
        assertThat(validator(true).validateForTest(noDatabase).database()).isNull();
    }

    @Test
    void trinoTakesACatalogOrCatalogDotSchema() {
        assertThat(validator(true)
                        .validateForTest(trino("hive.web", null, null))
                        .database())
                .isEqualTo("hive.web");
        assertRefused(() -> validator(true).validateForTest(trino("a.b.c", null, null)), "database");
        assertRefused(() -> validator(true).validateForTest(trino("a.", null, null)), "database");
    }

    @Test
    void trinoNeedsACatalog() {
        assertThatThrownBy(() -> validator(true).validateForTest(trino(null, null, null)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(ApiException.FieldError::field, ApiException.FieldError::message)
                                .singleElement()
                                .satisfies(error -> assertThat(
                                                error.toList().get(1).toString())
                                        .contains("is required for trino", "catalog")));
        assertRefused(() -> validator(true).validateForTest(trino(null, null, null)), "database");
        assertRefused(() -> validator(true).validateForTest(trino(" ", null, null)), "database");
    }

    @Test
    void passwordsMayHoldAnyVisibleTextButNoControlCharacters() {
        assertThat(validator(true)
                        .validateForTest(withPassword(postgres("127.0.0.1"), "p@ss w0rd/?#&;=%é"))
                        .password())
                .isEqualTo("p@ss w0rd/?#&;=%é");
        assertRefused(
                () -> validator(true).validateForTest(withPassword(postgres("127.0.0.1"), "a\u0000b")), "password");
        assertRefused(() -> validator(true).validateForTest(withPassword(postgres("127.0.0.1"), "a\nb")), "password");
        assertRefused(
                () -> validator(true).validateForTest(withPassword(postgres("127.0.0.1"), "x".repeat(1025))),
                "password");
    }

    @Test
    void trinoOnlySendsAPasswordOverTls() {
        assertRefused(() -> validator(true).validateForTest(trino("hive", "secret", null)), "password");
        assertThat(validator(true)
                        .validateForTest(trino("hive", "secret", "require"))
                        .password())
                .isEqualTo("secret");
    }

    @Test
    void reportsEveryWrongFieldAtOnce() {
        ConnectionDetails details = new ConnectionDetails(
                "", "postgresql", "a/b", 70000, "x y", null, null, "sometimes", Map.of("loggerFile", "/tmp/x"), "x");
        assertThatThrownBy(() -> validator(true).validateForSave(details))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(ApiException.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "filePath",
                                        "host",
                                        "sslMode",
                                        "port",
                                        "database",
                                        "username",
                                        "properties"));
    }

    // ---- sslMode ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "postgresql, disable, DISABLE",
        "postgresql, prefer, PREFER",
        "postgresql, require, REQUIRE",
        "postgresql, verify-ca, VERIFY_CA",
        "postgresql, VERIFY-FULL, VERIFY_FULL",
        "postgresql, , PREFER",
        "mysql, verify-full, VERIFY_FULL",
        "mysql, , DISABLE",
        "mariadb, require, REQUIRE",
        "mariadb, , DISABLE",
        "clickhouse, verify-full, VERIFY_FULL",
        "trino, verify-ca, VERIFY_CA",
        "sqlserver, require, REQUIRE",
        "sqlserver, , VERIFY_FULL",
    })
    void acceptsTheSslModesEachDriverCanExpress(String type, String given, SslMode expected) {
        String database = type.equals("trino") ? "hive" : null;
        ConnectionDetails details =
                new ConnectionDetails(null, type, "127.0.0.1", null, database, "u", null, given, null, null);
        assertThat(validator(true).validateForTest(details).sslMode()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "postgresql, on",
        "postgresql, verify_full",
        "postgresql, allow",
        "postgresql, true",
        "mariadb, prefer",
        "mysql, prefer",
        "clickhouse, verify-ca",
        "clickhouse, prefer",
        "sqlserver, prefer",
        "sqlserver, verify-ca",
        "trino, prefer",
    })
    void refusesSslModesTheTypeCannotExpress(String type, String sslMode) {
        String database = type.equals("trino") ? "hive" : null;
        ConnectionDetails details =
                new ConnectionDetails(null, type, "127.0.0.1", null, database, "u", null, sslMode, null, null);
        assertRefused(() -> validator(true).validateForTest(details), "sslMode");
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    @Test
    void acceptsAllowlistedPropertiesSpelledExactly() {
        Map<String, String> properties = Map.of(
                "connectTimeout",
                "10",
                "ApplicationName",
                "BI reports",
                "tcpKeepAlive",
                "true",
                "currentSchema",
                "sales");
        ValidatedConnection connection = validator(true).validateForTest(withProperties("postgresql", properties));
        assertThat(connection.properties()).isEqualTo(properties);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "connecttimeout",
                "CONNECTTIMEOUT",
                "ConnectTimeout",
                "connectTimeout ",
                " connectTimeout",
                "connect Timeout",
                "connect%54imeout",
                "connectTime\u043eut", // Cyrillic 'o'
                "\uff43onnectTimeout", // full-width 'c'
                "connect\u200bTimeout", // zero-width space
                "connectTimeout\u0000",
                "connectTimeout.x",
                "",
                "socketFactory",
                "socketfactory",
                "SOCKETFACTORY",
                "sslfactory",
                "sslhostnameverifier",
                "sslrootcert",
                "sslcert",
                "sslkey",
                "sslpasswordcallback",
                "loggerFile",
                "loggerLevel",
                "authenticationPluginClassName",
                "options",
                "service",
                "readOnly",
                "targetServerType",
                "user",
                "password",
                "sslmode",
                "PGHOST",
                "PGDBNAME",
                "INIT",
                "init"
            })
    void refusesPostgresqlPropertiesNotSpelledExactlyAsAllowed(String key) {
        Map<String, String> properties = new HashMap<>();
        properties.put(key, "10");
        assertRefused(() -> validator(true).validateForTest(withProperties("postgresql", properties)), "properties");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "allowLoadLocalInfile",
                "ALLOWLOADLOCALINFILE",
                "allowUrlInLocalInfile",
                "allowLoadLocalInfileInPath",
                "autoDeserialize",
                "queryInterceptors",
                "statementInterceptors",
                "exceptionInterceptors",
                "connectionLifecycleInterceptors",
                "propertiesTransform",
                "socketFactory",
                "allowMultiQueries",
                "allowPublicKeyRetrieval",
                "serverRSAPublicKeyFile",
                "useConfigs",
                "sslMode",
                "useSSL",
                "trustCertificateKeyStoreUrl"
            })
    void refusesDangerousMysqlProperties(String key) {
        assertRefused(
                () -> validator(true).validateForTest(withProperties("mysql", Map.of(key, "true"))), "properties");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "allowLocalInfile",
                "initSql",
                "sessionVariables",
                "permitRedirect",
                "socketFactory",
                "trustStore"
            })
    void refusesDangerousMariadbProperties(String key) {
        assertRefused(() -> validator(true).validateForTest(withProperties("mariadb", Map.of(key, "x"))), "properties");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "connectTimeout|abc",
                "connectTimeout|-1",
                "connectTimeout|301",
                "connectTimeout|1e3",
                "connectTimeout|' 10'",
                "connectTimeout|0x10",
                "connectTimeout|9999999999",
                "tcpKeepAlive|TRUE",
                "tcpKeepAlive|yes",
                "ApplicationName|a;b",
                "ApplicationName|a&b=c",
                "ApplicationName|x?y",
                "ApplicationName|été",
                "ApplicationName|' OR 1=1",
                "currentSchema|public,pg_temp",
                "currentSchema|a b",
            })
    void refusesPropertyValuesOutsideTheirRule(String key, String value) {
        assertRefused(
                () -> validator(true).validateForTest(withProperties("postgresql", Map.of(key, value))), "properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x\u0000", "line\nbreak", "tab\there", "rtl\u202Eoverride", ""})
    void refusesControlCharactersAndEmptyValues(String value) {
        assertRefused(
                () -> validator(true).validateForTest(withProperties("postgresql", Map.of("ApplicationName", value))),
                "properties");
    }

    @Test
    void refusesANullValue() {
        Map<String, String> properties = new HashMap<>();
        properties.put("connectTimeout", null);
        assertRefused(() -> validator(true).validateForTest(withProperties("postgresql", properties)), "properties");
    }

    @Test
    void explainsCaseVariantsAndTypedFields() {
        assertThatThrownBy(() ->
                        validator(true).validateForTest(withProperties("postgresql", Map.of("connecttimeout", "5"))))
                .hasMessageContaining("did you mean 'connectTimeout'");
        assertThatThrownBy(() -> validator(true).validateForTest(withProperties("postgresql", Map.of("User", "x"))))
                .hasMessageContaining("username field");
    }

    @Test
    void refusesTooManyProperties() {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            properties.put("p" + i, "1");
        }
        assertRefused(() -> validator(true).validateForTest(withProperties("postgresql", properties)), "properties");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mysql|connectTimeout|5000",
                "mysql|useCompression|true",
                "mysql|connectionTimeZone|Europe/Paris",
                "mariadb|socketTimeout|60000",
                "clickhouse|socket_timeout|30000",
                "clickhouse|connection_timeout|5000",
                "trino|source|dashboards",
                "trino|timezone|UTC",
                "sqlserver|applicationIntent|ReadOnly",
                "sqlserver|loginTimeout|15",
            })
    void acceptsEachTypesOwnAllowlist(String type, String key, String value) {
        assertThat(validator(true)
                        .validateForTest(withProperties(type, Map.of(key, value)))
                        .properties())
                .containsEntry(key, value);
    }

    @Test
    void clickHousesConnectTimeoutIsCalledConnectionTimeout() {
        // clickhouse-jdbc 0.10 ignores connect_timeout: accepting it would promise a timeout that never applies.
        assertRefused(
                () -> validator(true).validateForTest(withProperties("clickhouse", Map.of("connect_timeout", "5000"))),
                "properties");
    }

    @Test
    void anAllowedPropertyOfOneTypeIsRefusedForAnother() {
        assertRefused(
                () -> validator(true).validateForTest(withProperties("mysql", Map.of("ApplicationName", "x"))),
                "properties");
        assertRefused(
                () -> validator(true).validateForTest(withProperties("postgresql", Map.of("socket_timeout", "1"))),
                "properties");
    }

    // ---- file sources -------------------------------------------------------------------------------------------

    @Test
    void acceptsARegularFileInsideTheRootAndKeepsItsRealPath() throws Exception {
        Path file = Files.createDirectories(root.resolve("sales")).resolve("q1.sqlite");
        Files.writeString(file, "x");
        ValidatedConnection connection = validator(true).validateForSave(file("sqlite", "sales/q1.sqlite"));
        assertThat(connection.filePath()).isEqualTo(file.toRealPath());
        assertThat(connection.address()).isNull();
        assertThat(connection.name()).isEqualTo("Files");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/etc/passwd",
                "../x.db",
                "a/../../x.db",
                "a/..",
                "..",
                "./x.db",
                "a/./x.db",
                "a//x.db",
                "a/",
                "~/x.db",
                "~root/x.db",
                "C:/x.db",
                "C:\\x.db",
                "a\\..\\x.db",
                "\\\\server\\share\\x.db",
                "file:x.db",
                "file:///etc/passwd",
                "x.db?mode=rwc",
                "x.db;session_init_sql_file=/tmp/y.sql",
                "md:my_db",
                "s3://bucket/x.duckdb",
                ":memory:",
                "x%2e%2e/y.db",
                "x#y.db",
                "été.db",
                "a\u0000b.db",
                "a\nb.db",
                " x.db",
                "x.db ",
                "a /x.db"
            })
    void refusesPathsThatCouldLeaveTheRootBeforeLookingAtTheDisk(String path) {
        // The root does not even exist: a refusal that mentions it would show the disk was consulted first.
        ConnectionDetailsValidator noRoot = new ConnectionDetailsValidator(true, temp.resolve("missing"), resolver);
        assertThatThrownBy(() -> noRoot.validateForTest(file("duckdb", path)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.fieldErrors())
                            .extracting(ApiException.FieldError::field)
                            .containsOnly("filePath");
                    assertThat(e.getMessage()).doesNotContain("does not exist");
                });
    }

    @Test
    void refusesMissingFilesDirectoriesAndAMissingRoot() throws Exception {
        Files.createDirectories(root.resolve("folder.db"));
        assertThatThrownBy(() -> validator(true).validateForTest(file("sqlite", "none.db")))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> validator(true).validateForTest(file("sqlite", "folder.db")))
                .hasMessageContaining("not a regular file");
        ConnectionDetailsValidator noRoot = new ConnectionDetailsValidator(true, temp.resolve("missing"), resolver);
        assertThatThrownBy(() -> noRoot.validateForTest(file("sqlite", "x.db"))).hasMessageContaining("does not exist");
    }

    @Test
    void refusesSymbolicLinksThatLeadOutsideTheRoot() throws Exception {
        Path outside = Files.writeString(temp.resolve("secret.db"), "x");
        Path outsideDir = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("x.db"), "x");
        Files.createSymbolicLink(root.resolve("link.db"), outside);
        Files.createSymbolicLink(root.resolve("linked-folder"), outsideDir);
        Files.createSymbolicLink(root.resolve("root-itself"), root);

        assertThatThrownBy(() -> validator(true).validateForTest(file("sqlite", "link.db")))
                .hasMessageContaining("outside the file folder");
        assertThatThrownBy(() -> validator(true).validateForTest(file("sqlite", "linked-folder/x.db")))
                .hasMessageContaining("outside the file folder");
        assertThatThrownBy(() -> validator(true).validateForTest(file("sqlite", "root-itself")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void followsSymbolicLinksThatStayInsideTheRoot() throws Exception {
        Path target =
                Files.writeString(Files.createDirectories(root.resolve("data")).resolve("real.duckdb"), "x");
        Files.createSymbolicLink(root.resolve("alias.duckdb"), target);
        assertThat(validator(true)
                        .validateForTest(file("duckdb", "alias.duckdb"))
                        .filePath())
                .isEqualTo(target.toRealPath());
    }

    @Test
    void refusesALinkInsideTheRootToANameDriversWouldParse() throws Exception {
        Path odd = Files.writeString(root.resolve("x.duckdb;session_init_sql_file=y"), "x");
        Files.createSymbolicLink(root.resolve("plain.duckdb"), odd);
        assertRefused(() -> validator(true).validateForTest(file("duckdb", "plain.duckdb")), "filePath");
    }

    @Test
    void refusesTheUploadsFolderEvenWhenTheRootContainsIt() throws Exception {
        // An operator may point the file root at the data directory; another organization's uploads stay out.
        Path uploads = Files.createDirectories(root.resolve("uploads").resolve("some-org"));
        Files.writeString(uploads.resolve("uploads.duckdb"), "x");
        Files.createSymbolicLink(root.resolve("sneaky.duckdb"), uploads.resolve("uploads.duckdb"));
        Files.writeString(root.resolve("mine.duckdb"), "x");
        ConnectionDetailsValidator guarded =
                new ConnectionDetailsValidator(true, root, root.resolve("uploads"), resolver);

        assertThatThrownBy(() -> guarded.validateForTest(file("duckdb", "uploads/some-org/uploads.duckdb")))
                .hasMessageContaining("uploaded files");
        assertThatThrownBy(() -> guarded.validateForTest(file("duckdb", "sneaky.duckdb")))
                .hasMessageContaining("uploaded files");
        assertThat(guarded.validateForTest(file("duckdb", "mine.duckdb")).filePath())
                .isEqualTo(root.resolve("mine.duckdb").toRealPath());
    }

    @Test
    void worksWhenTheRootItselfIsASymbolicLink() throws Exception {
        Files.writeString(root.resolve("x.sqlite"), "x");
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("root-link"), root);
        ConnectionDetailsValidator viaLink = new ConnectionDetailsValidator(true, linkedRoot, resolver);
        assertThat(viaLink.validateForTest(file("sqlite", "x.sqlite")).filePath())
                .isEqualTo(root.resolve("x.sqlite").toRealPath());
    }

    @Test
    void fileSourcesTakeOnlyAFilePathAndNetworkSourcesNone() throws Exception {
        Files.writeString(root.resolve("x.sqlite"), "x");
        ConnectionDetails withNetworkFields = new ConnectionDetails(
                null, "sqlite", "127.0.0.1", 5432, "db", "u", "p", "require", Map.of("open_mode", "6"), "x.sqlite");
        assertThatThrownBy(() -> validator(true).validateForTest(withNetworkFields))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(ApiException.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "host", "port", "database", "username", "password", "sslMode", "properties"));
        ConnectionDetails networkWithFile =
                new ConnectionDetails(null, "postgresql", "127.0.0.1", 5432, "db", "u", null, null, null, "x.sqlite");
        assertRefused(() -> validator(true).validateForTest(networkWithFile), "filePath");
        // Empty strings, as a form sends for fields it does not show, count as absent.
        ConnectionDetails emptyFields =
                new ConnectionDetails(null, "sqlite", "", null, "", "", "", "", Map.of(), "x.sqlite");
        assertThat(validator(true).validateForTest(emptyFields).filePath()).isNotNull();
    }

    @Test
    void validatedConnectionsHideThePassword() {
        ValidatedConnection connection =
                validator(true).validateForTest(withPassword(postgres("127.0.0.1"), "hunter2"));
        assertThat(connection.toString()).doesNotContain("hunter2");
        assertThat(withPassword(postgres("127.0.0.1"), "hunter2").toString()).doesNotContain("hunter2");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ConnectionDetailsValidator validator(boolean allowPrivateNetworks) {
        return new ConnectionDetailsValidator(allowPrivateNetworks, root, resolver);
    }

    static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.fieldErrors())
                    .extracting(ApiException.FieldError::field)
                    .containsOnly(field);
        });
    }

    static ConnectionDetails postgres(String host) {
        return new ConnectionDetails(null, "postgresql", host, 5432, "sales", "analyst", null, null, null, null);
    }

    private static ConnectionDetails trino(String database, String password, String sslMode) {
        return new ConnectionDetails(null, "trino", "127.0.0.1", null, database, "u", password, sslMode, null, null);
    }

    private static ConnectionDetails withProperties(String type, Map<String, String> properties) {
        return new ConnectionDetails(null, type, "127.0.0.1", null, "db", "u", null, null, properties, null);
    }

    private static ConnectionDetails file(String type, String path) {
        return new ConnectionDetails("Files", type, null, null, null, null, null, null, null, path);
    }

    private static ConnectionDetails withName(ConnectionDetails d, String name) {
        return new ConnectionDetails(
                name,
                d.type(),
                d.host(),
                d.port(),
                d.database(),
                d.username(),
                d.password(),
                d.sslMode(),
                d.properties(),
                d.filePath());
    }

    private static ConnectionDetails withPassword(ConnectionDetails d, String password) {
        return new ConnectionDetails(
                d.name(),
                d.type(),
                d.host(),
                d.port(),
                d.database(),
                d.username(),
                password,
                d.sslMode(),
                d.properties(),
                d.filePath());
    }
}
