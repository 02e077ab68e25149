package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trino {@code verify-full} with a certificate that names the host, not its address: the URL holds the checked IP and
 * trino-jdbc checks the certificate against the typed name ({@code hostnameInCertificate}). No Trino runs here: an
 * HTTPS listener with a keytool certificate for {@code trino.datamind.test} answers every request with 418 (a status
 * the driver does not retry), so a query that gets that far passed the driver's TLS and host name checks.
 */
class TrinoVerifyFullLiveTest {

    private static final String NAME = "trino.datamind.test";

    @TempDir
    Path temp;

    private HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private Path serverCert;

    @BeforeEach
    void startHttpsListener() throws Exception {
        TestCertificate certificate = TestCertificate.forName(NAME, temp);
        serverCert = certificate.pem();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "reached the server over TLS".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(418, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theCertificateIsCheckedAgainstTheTypedNameOverTheCheckedAddress() {
        JdbcConnectionSpec spec = spec(NAME);
        assertThat(spec.url()).startsWith("jdbc:trino://127.0.0.1:");

        assertThatThrownBy(() -> query(spec)).isInstanceOf(SQLException.class).hasMessageContaining("418");
        assertThat(requests.get()).isPositive();
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        JdbcConnectionSpec spec = spec("other.datamind.test");

        assertThatThrownBy(() -> query(spec)).isInstanceOf(SQLException.class).hasMessageNotContaining("418");
        assertThat(requests.get()).isZero();
    }

    @Test
    void anAddressTypedAsTheHostMustBeWhatTheCertificateNames() {
        JdbcConnectionSpec spec = spec("127.0.0.1");
        assertThat(spec.properties()).doesNotContainKey("hostnameInCertificate");

        assertThatThrownBy(() -> query(spec)).isInstanceOf(SQLException.class).hasMessageNotContaining("418");
        assertThat(requests.get()).isZero();
    }

    private JdbcConnectionSpec spec(String host) {
        FakeResolver resolver = new FakeResolver().answer(NAME, "127.0.0.1").answer("other.datamind.test", "127.0.0.1");
        ConnectionDetailsValidator validator = new ConnectionDetailsValidator(true, temp, resolver);
        return JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "trino",
                host,
                server.getAddress().getPort(),
                "tpch",
                "analyst",
                null,
                "verify-full",
                Map.of(),
                null)));
    }

    /** The certificate's issuer is this test's own: the driver is given it the way an operator would. */
    private void query(JdbcConnectionSpec spec) throws SQLException {
        Properties props = spec.properties();
        props.setProperty("SSLTrustStorePath", serverCert.toString());
        try (Connection connection = DriverManager.getConnection(spec.url(), props);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1");
        }
    }
}
